package auth_test

import (
	"strings"
	"testing"

	"github.com/bearingorg/bearing/auth"
)

func TestPassword(t *testing.T) {
	h, err := auth.HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$") || strings.Contains(h, "correct horse") {
		t.Fatalf("hash %q is not an argon2id hash or contains the password", h)
	}
	if err := auth.CheckPassword(h, "correct horse battery"); err != nil {
		t.Fatalf("right password refused: %v", err)
	}
	if err := auth.CheckPassword(h, "correct horse batterx"); err != auth.ErrMismatch {
		t.Fatalf("wrong password: got %v, want ErrMismatch", err)
	}
	h2, _ := auth.HashPassword("correct horse battery")
	if h == h2 {
		t.Fatal("two hashes of one password are equal: salt is not random")
	}
	if err := auth.CheckPassword("$bcrypt$x", "a"); err == nil {
		t.Fatal("malformed hash accepted")
	}
}

func TestSecret(t *testing.T) {
	a, b := auth.NewSecret("brt_"), auth.NewSecret("brt_")
	if a == b || !strings.HasPrefix(a, "brt_") || len(a) < 40 {
		t.Fatalf("weak or repeated secrets: %q %q", a, b)
	}
	if auth.HashSecret(a) == a || len(auth.HashSecret(a)) != 64 {
		t.Fatal("HashSecret does not hash")
	}
}
