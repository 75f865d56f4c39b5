package secretbox

import (
	"bytes"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSealOpensOnlyInItsPlace(t *testing.T) {
	k, _ := randomKey()
	b, err := New(k)
	if err != nil {
		t.Fatal(err)
	}
	const secret = "JBSWY3DPEHPK3PXP"
	sealed, err := b.Seal(secret, "mfa_totp", "1", "42")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(sealed, secret) || !Sealed(sealed) {
		t.Fatalf("sealed value %q", sealed)
	}
	again, _ := b.Seal(secret, "mfa_totp", "1", "42")
	if again == sealed {
		t.Fatal("two seals of one secret are equal: the nonce is not random")
	}
	if got, err := b.Open(sealed, "mfa_totp", "1", "42"); err != nil || got != secret {
		t.Fatalf("open: %q %v", got, err)
	}
	other, _ := randomKey()
	ob, _ := New(other)
	tampered := sealed[:len(sealed)-2] + map[bool]string{true: "AA", false: "BB"}[!strings.HasSuffix(sealed, "AA")]
	for name, open := range map[string]func() (string, error){
		"another user":   func() (string, error) { return b.Open(sealed, "mfa_totp", "1", "43") },
		"another bank":   func() (string, error) { return b.Open(sealed, "mfa_totp", "2", "42") },
		"another column": func() (string, error) { return b.Open(sealed, "sso_oidc", "1", "42") },
		"split moved":    func() (string, error) { return b.Open(sealed, "mfa_totp", "14", "2") },
		"another key":    func() (string, error) { return ob.Open(sealed, "mfa_totp", "1", "42") },
		"altered":        func() (string, error) { return b.Open(tampered, "mfa_totp", "1", "42") },
		"plaintext":      func() (string, error) { return b.Open(secret, "mfa_totp", "1", "42") },
	} {
		if got, err := open(); err != ErrOpen || got != "" {
			t.Errorf("%s: %q %v, want ErrOpen", name, got, err)
		}
	}
}

func TestKeyFromSettingFileOrNothing(t *testing.T) {
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "ss.db")

	t.Run("a SQLite file gets a key file beside it, made once", func(t *testing.T) {
		k1, err := keyFor(db, "", false)
		if err != nil || len(k1) != KeySize {
			t.Fatalf("%v %d", err, len(k1))
		}
		st, err := os.Stat(filepath.Join(dir, "ss.db.key"))
		if err != nil || st.Mode().Perm() != 0o600 {
			t.Fatalf("key file: %v %v", err, st)
		}
		k2, _ := keyFor(db, "", false)
		if !bytes.Equal(k1, k2) {
			t.Fatal("a second start made another key")
		}
	})
	t.Run("the setting wins and must be 32 bytes", func(t *testing.T) {
		want := bytes.Repeat([]byte{7}, KeySize)
		k, err := keyFor(db, base64.StdEncoding.EncodeToString(want), false)
		if err != nil || !bytes.Equal(k, want) {
			t.Fatalf("%v %x", err, k)
		}
		if _, err := keyFor(db, base64.StdEncoding.EncodeToString(want[:16]), false); err == nil {
			t.Fatal("a 16-byte key accepted")
		}
		if _, err := keyFor(db, "not base64!", false); err == nil {
			t.Fatal("a key not in base64 accepted")
		}
	})
	t.Run("PostgreSQL without the setting does not start", func(t *testing.T) {
		if _, err := keyFor("postgres://u:p@db/ss", "", false); err == nil || !strings.Contains(err.Error(), EnvKey) {
			t.Fatalf("%v", err)
		}
	})
}
