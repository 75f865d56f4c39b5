package secretbox

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/servicestar/servicestar/app/store"
)

// EnvKey names the key's setting: 32 random bytes, base64.
const EnvKey = "SS_SECRET_KEY"

// KeyFor is the server's key for the database at databaseURL:
//
//   - SS_SECRET_KEY when set (production: keep it in the deployment's secret
//     store, not beside the database or in its backups);
//   - else, for a SQLite file, the key in the file beside it (<db>.key, mode
//     0600), made on first start: `make run`, the demo and the browser
//     journeys work with no setting, and the key is not in the database;
//   - else, in a test binary or for an in-memory database, a random key for
//     this process (its data does not outlive it);
//   - else (PostgreSQL) an error: the server does not start without a key.
//
// There is never a key in the code.
func KeyFor(databaseURL string) ([]byte, error) {
	return keyFor(databaseURL, os.Getenv(EnvKey), testing.Testing())
}

func keyFor(databaseURL, env string, inTest bool) ([]byte, error) {
	if env = strings.TrimSpace(env); env != "" {
		k, err := base64.StdEncoding.DecodeString(env)
		if err != nil || len(k) != KeySize {
			return nil, fmt.Errorf("%s: want %d random bytes in base64 (head -c 32 /dev/urandom | base64)", EnvKey, KeySize)
		}
		return k, nil
	}
	if inTest {
		return processKey()
	}
	path, err := store.SQLitePath(databaseURL)
	switch {
	case err == nil:
		return fileKey(path + ".key")
	case errors.Is(err, store.ErrPostgres):
		return nil, fmt.Errorf("%s must be set with PostgreSQL: %d random bytes in base64 (head -c 32 /dev/urandom | base64)", EnvKey, KeySize)
	case strings.HasPrefix(databaseURL, "sqlite:"): // in memory: gone with the process
		return processKey()
	}
	return nil, err
}

// processKey is one random key for the life of the process: a restarted or
// second app in the same test binary reads what the first sealed.
var processKey = sync.OnceValues(randomKey)

func randomKey() ([]byte, error) {
	k := make([]byte, KeySize)
	_, err := rand.Read(k)
	return k, err
}

// fileKey reads the key file, or makes it when there is none. O_EXCL: two
// processes starting at once cannot each write their own.
func fileKey(path string) ([]byte, error) {
	for range 2 {
		raw, err := os.ReadFile(path)
		if err == nil {
			k, derr := base64.StdEncoding.DecodeString(strings.TrimSpace(string(raw)))
			if derr != nil || len(k) != KeySize {
				return nil, fmt.Errorf("%s: not a %d-byte base64 key", path, KeySize)
			}
			return k, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		k, err := randomKey()
		if err != nil {
			return nil, err
		}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue // another process made it first: read theirs
		}
		if err != nil {
			return nil, err
		}
		_, werr := f.WriteString(base64.StdEncoding.EncodeToString(k) + "\n")
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		return k, werr
	}
	return nil, fmt.Errorf("%s: cannot read or make the key file", path)
}

// ForDatabase is the box for the server of databaseURL (see KeyFor). A
// database not yet migrated (the openapi command's) holds no secret: it gets
// this process's random key, and no key file is made beside it.
func ForDatabase(databaseURL string, migrated bool) (*Box, error) {
	k, err := processKey()
	if migrated {
		k, err = KeyFor(databaseURL)
	}
	if err != nil {
		return nil, err
	}
	return New(k)
}
