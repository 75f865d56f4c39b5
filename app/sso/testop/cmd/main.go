// Command cmd runs the test OpenID Provider on a fixed address, for the
// browser journey (frontend/e2e/sso.spec.ts starts it). Test code only:
//
//	go run ./app/sso/testop/cmd -addr 127.0.0.1:18117 \
//	  -redirect http://127.0.0.1:18107/api/v1/sso/demo/oidc/callback -user emp=XH0008
package main

import (
	"flag"
	"log"
	"net/http"
	"strings"

	"github.com/servicestar/servicestar/app/sso/testop"
)

type users []testop.User

func (u *users) String() string { return "" }

func (u *users) Set(v string) error {
	name, code, _ := strings.Cut(v, "=")
	*u = append(*u, testop.User{Username: name, Code: code})
	return nil
}

func main() {
	addr := flag.String("addr", "127.0.0.1:18117", "listen address")
	clientID := flag.String("client-id", "servicestar", "the one client's id")
	secret := flag.String("client-secret", "journey-secret", "the one client's secret")
	redirect := flag.String("redirect", "", "allowed redirect URIs, comma separated")
	claim := flag.String("claim", "employee_code", "the claim carrying the employee code")
	var us users
	flag.Var(&us, "user", "username=employee code (repeatable)")
	flag.Parse()
	h, err := testop.New(testop.Options{Issuer: "http://" + *addr, ClientID: *clientID, ClientSecret: *secret,
		RedirectURIs: strings.Split(*redirect, ","), CodeClaim: *claim, Users: us})
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("test OpenID Provider at http://%s", *addr)
	log.Fatal(http.ListenAndServe(*addr, h))
}
