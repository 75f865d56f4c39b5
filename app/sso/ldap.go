package sso

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"strings"

	"github.com/go-ldap/ldap/v3"
)

// errDirectoryRefused: the directory does not know the username, or the
// password is wrong. The two get one answer, as local passwords do.
var errDirectoryRefused = errors.New("directory refused the credentials")

// dialLDAP connects to the bank's directory, upgrading to TLS when asked.
func dialLDAP(ctx context.Context, c *Config) (*ldap.Conn, error) {
	d := &net.Dialer{Timeout: providerTimeout}
	conn, err := ldap.DialURL(c.LDAPURL, ldap.DialWithDialer(d))
	if err != nil {
		return nil, err
	}
	conn.SetTimeout(providerTimeout)
	if c.LDAPStartTLS {
		host, _, _ := net.SplitHostPort(strings.TrimPrefix(c.LDAPURL, "ldap://"))
		if err := conn.StartTLS(&tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}); err != nil {
			conn.Close()
			return nil, err
		}
	}
	return conn, nil
}

// ldapCode binds as the user and reads their employee code. With a bind DN
// template the user's DN is the template filled in; otherwise the service
// account (or an anonymous bind) searches for the one entry whose login
// attribute is the username, and the user then binds as that entry.
func ldapCode(ctx context.Context, c *Config, username, password string) (string, error) {
	username = strings.TrimSpace(username)
	// An empty password is an "unauthenticated bind" that many servers
	// accept as success (RFC 4513 5.1.2): never let it sign anyone in.
	if username == "" || password == "" {
		return "", errDirectoryRefused
	}
	conn, err := dialLDAP(ctx, c)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	dn := ""
	if c.LDAPBindDNTemplate != "" {
		dn = strings.Replace(c.LDAPBindDNTemplate, "{username}", ldap.EscapeDN(username), 1)
	} else {
		if dn, err = searchUser(conn, c, username); err != nil {
			return "", err
		}
	}
	if err := conn.Bind(dn, password); err != nil {
		if ldap.IsErrorWithCode(err, ldap.LDAPResultInvalidCredentials) {
			return "", errDirectoryRefused
		}
		return "", err
	}
	res, err := conn.Search(ldap.NewSearchRequest(dn, ldap.ScopeBaseObject, ldap.NeverDerefAliases, 1, int(providerTimeout.Seconds()), false,
		"(objectClass=*)", []string{c.LDAPCodeAttribute}, nil))
	if err != nil {
		return "", err
	}
	if len(res.Entries) != 1 {
		return "", fmt.Errorf("reading %s: %d entries", dn, len(res.Entries))
	}
	return res.Entries[0].GetAttributeValue(c.LDAPCodeAttribute), nil
}

func searchUser(conn *ldap.Conn, c *Config, username string) (string, error) {
	if c.LDAPServiceDN != "" {
		if err := conn.Bind(c.LDAPServiceDN, c.LDAPServicePassword); err != nil {
			return "", fmt.Errorf("service account bind: %w", err)
		}
	}
	filter := fmt.Sprintf("(%s=%s)", ldap.EscapeFilter(c.LDAPLoginAttribute), ldap.EscapeFilter(username))
	res, err := conn.Search(ldap.NewSearchRequest(c.LDAPSearchBase, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 2, int(providerTimeout.Seconds()), false,
		filter, []string{"dn"}, nil))
	if err != nil {
		if ldap.IsErrorWithCode(err, ldap.LDAPResultNoSuchObject) {
			return "", errDirectoryRefused
		}
		return "", err
	}
	// None, or more than one: either way nobody can be told apart.
	if len(res.Entries) != 1 {
		return "", errDirectoryRefused
	}
	return res.Entries[0].DN, nil
}
