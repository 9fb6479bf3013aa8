package scan

import (
	"context"
	"fmt"
	"os"
	"testing"
)

func TestDump(t *testing.T) {
	if os.Getenv("DUMP") == "" {
		t.Skip()
	}
	inv, err := Scan(context.Background(), os.Getenv("DUMP"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range inv.Warnings {
		fmt.Printf("WARN %s: %s\n", w, inv.Messages[i])
	}
}
