package http

import (
	"sync"
	"time"

	"github.com/bearingorg/bearing"
)

// authCacheTTL is how long a verified token or session is trusted without
// asking the database again. A revoked token or ended session keeps working
// for at most this long on other instances; on the instance that ends a
// session it stops at once.
const authCacheTTL = 10 * time.Second

// authCache remembers recently verified secrets, so that an API client
// making many calls costs one database look-up every few seconds instead of
// one per request.
type authCache struct {
	mu      sync.Mutex
	entries map[string]authEntry
}

type authEntry struct {
	user    *bearing.User
	expires time.Time
}

func newAuthCache() *authCache { return &authCache{entries: map[string]authEntry{}} }

// get returns the user of a secret verified less than authCacheTTL ago.
func (c *authCache) get(secret string) *bearing.User {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[secret]
	if !ok || time.Now().After(e.expires) {
		delete(c.entries, secret)
		return nil
	}
	return e.user
}

// put remembers a verified secret; the map is cleared when it grows past a
// bound, which only costs a few look-ups again.
func (c *authCache) put(secret string, u *bearing.User) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries) > 10_000 {
		c.entries = map[string]authEntry{}
	}
	c.entries[secret] = authEntry{user: u, expires: time.Now().Add(authCacheTTL)}
}

// forget drops a secret, when its session ends here.
func (c *authCache) forget(secret string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.entries, secret)
}
