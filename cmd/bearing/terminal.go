package main

import (
	"io"
	"os"
)

// isTerminal reports whether r is an interactive terminal, so commands read
// piped input but never block waiting for a person who is not typing.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
