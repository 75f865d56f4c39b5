package sso_test

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/go-ldap/ldap/v3"
)

// Directory facts the LDAP tests sign in with.
const (
	ldapSuffix   = "dc=bank,dc=test"
	ldapRootDN   = "cn=admin," + ldapSuffix
	ldapRootPW   = "root-secret-4d2c"
	ldapPeople   = "ou=people," + ldapSuffix
	ldapUserPW   = "directory-pass-1"
	ldapTemplate = "uid={username}," + ldapPeople
)

// slapdPath finds the OpenLDAP server. Without one the test skips here and
// fails in CI (CI or SS_REQUIRE_SLAPD set; .ci/run installs slapd).
func slapdPath(t *testing.T) string {
	t.Helper()
	if p, err := exec.LookPath("slapd"); err == nil {
		return p
	}
	if _, err := os.Stat("/usr/sbin/slapd"); err == nil {
		return "/usr/sbin/slapd"
	}
	if os.Getenv("CI") != "" || os.Getenv("SS_REQUIRE_SLAPD") != "" {
		t.Fatal("slapd is not installed (Debian: apt-get install slapd ldap-utils); CI must run the LDAP tests")
	}
	t.Skip("slapd is not installed (Debian: apt-get install slapd ldap-utils); skipping the LDAP sign-in tests")
	return ""
}

// startSlapd runs a throwaway slapd (mdb backend, one suffix) on a free
// local port, as a child process stopped at the end of the test, and
// fills it with people: username → employee code.
func startSlapd(t *testing.T, people map[string]string) string {
	t.Helper()
	bin := slapdPath(t)
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "data"), 0o700); err != nil {
		t.Fatal(err)
	}
	conf := fmt.Sprintf(`include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
modulepath /usr/lib/ldap
moduleload back_mdb
pidfile %[1]s/slapd.pid
database mdb
maxsize 10485760
suffix "%[2]s"
rootdn "%[3]s"
rootpw %[4]s
directory %[1]s/data
access to attrs=userPassword by anonymous auth by * none
access to * by * read
`, dir, ldapSuffix, ldapRootDN, ldapRootPW)
	confPath := filepath.Join(dir, "slapd.conf")
	if err := os.WriteFile(confPath, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	url := "ldap://" + addr
	// -d keeps slapd in the foreground, a child this test can stop.
	cmd := exec.Command(bin, "-h", url+"/", "-f", confPath, "-d", "0")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })

	conn := dialWhenUp(t, url, cmd)
	defer conn.Close()
	if err := conn.Bind(ldapRootDN, ldapRootPW); err != nil {
		t.Fatal(err)
	}
	add := func(dn string, attrs map[string][]string) {
		r := ldap.NewAddRequest(dn, nil)
		for k, v := range attrs {
			r.Attribute(k, v)
		}
		if err := conn.Add(r); err != nil {
			t.Fatalf("add %s: %v", dn, err)
		}
	}
	add(ldapSuffix, map[string][]string{"objectClass": {"dcObject", "organization"}, "dc": {"bank"}, "o": {"Test Bank"}})
	add(ldapPeople, map[string][]string{"objectClass": {"organizationalUnit"}, "ou": {"people"}})
	for uid, code := range people {
		add("uid="+uid+","+ldapPeople, map[string][]string{"objectClass": {"inetOrgPerson"}, "uid": {uid}, "cn": {uid}, "sn": {uid},
			"employeeNumber": {code}, "userPassword": {ldapUserPW}})
	}
	return url
}

// dialWhenUp connects once slapd listens; it gives up when slapd exits
// (a broken config) rather than after some time.
func dialWhenUp(t *testing.T, url string, cmd *exec.Cmd) *ldap.Conn {
	t.Helper()
	exited := make(chan struct{})
	go func() {
		if cmd.ProcessState == nil {
			_, _ = cmd.Process.Wait()
		}
		close(exited)
	}()
	for {
		conn, err := ldap.DialURL(url)
		if err == nil {
			return conn
		}
		select {
		case <-exited:
			t.Fatalf("slapd exited before it listened (%v)", err)
		case <-time.After(20 * time.Millisecond):
		}
	}
}
