package main

import "os"

// isTerminal reports whether r (a reader or writer) is an interactive
// terminal: commands read piped input but never wait for a person who is not
// typing, and colour only what a person reads.
func isTerminal(r any) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
