package bearing_test

import (
	"strings"
	"testing"

	"github.com/bearingorg/bearing"
)

// TestTransitions checks every pair of statuses against the lifecycle.
func TestTransitions(t *testing.T) {
	allowed := map[[2]bearing.Status]bool{
		{bearing.StatusDraft, bearing.StatusProposed}:      true,
		{bearing.StatusDraft, bearing.StatusWithdrawn}:     true,
		{bearing.StatusProposed, bearing.StatusAccepted}:   true,
		{bearing.StatusProposed, bearing.StatusRejected}:   true,
		{bearing.StatusProposed, bearing.StatusWithdrawn}:  true,
		{bearing.StatusAccepted, bearing.StatusDeprecated}: true,
		{bearing.StatusAccepted, bearing.StatusSuperseded}: true,
	}
	for _, from := range bearing.Statuses {
		for _, to := range bearing.Statuses {
			err := from.CheckTransition(to)
			if want := allowed[[2]bearing.Status{from, to}]; want != (err == nil) {
				t.Errorf("%s → %s: allowed=%v, got err %v", from, to, want, err)
			}
			if err != nil && bearing.ErrorCode(err) != bearing.EINVALID {
				t.Errorf("%s → %s: code %s", from, to, bearing.ErrorCode(err))
			}
		}
	}
	msg := bearing.ErrorMessage(bearing.StatusDraft.CheckTransition(bearing.StatusAccepted))
	if !strings.Contains(msg, "it can become proposed or withdrawn") {
		t.Errorf("message does not name the allowed moves: %s", msg)
	}
	msg = bearing.ErrorMessage(bearing.StatusRejected.CheckTransition(bearing.StatusAccepted))
	if !strings.Contains(msg, "final") {
		t.Errorf("final status message: %s", msg)
	}
	if err := bearing.StatusDraft.CheckTransition("done"); !strings.Contains(bearing.ErrorMessage(err), `"done" is not a status`) {
		t.Errorf("unknown status: %v", err)
	}
}

// TestPermissions is the role matrix of the decision log.
func TestPermissions(t *testing.T) {
	driver := &bearing.User{Email: "drv@x", Role: bearing.RoleMember}
	owner := &bearing.User{Email: "own@x", Role: bearing.RoleMember}
	other := &bearing.User{Email: "oth@x", Role: bearing.RoleMember}
	viewer := &bearing.User{Email: "own@x", Role: bearing.RoleViewer} // an owner, but a viewer
	dna := &bearing.User{Email: "dna@x", Role: bearing.RoleDNA}
	admin := &bearing.User{Email: "adm@x", Role: bearing.RoleAdmin}
	d := &bearing.Decision{Driver: "drv@x", Owners: []bearing.Owner{{Email: "own@x"}}, Status: bearing.StatusProposed}
	cases := []struct {
		name string
		u    *bearing.User
		edit bool
		prop bool // may withdraw (driver's call)
		acc  bool // may accept (DNA's call)
	}{
		{"anonymous", nil, false, false, false},
		{"viewer", viewer, false, false, false},
		{"other member", other, false, false, false},
		{"driver", driver, true, true, false},
		{"owner", owner, true, true, false},
		{"dna", dna, true, true, true},
		{"admin", admin, true, true, true},
	}
	for _, c := range cases {
		if got := bearing.CanEditDecision(c.u, d); got != c.edit {
			t.Errorf("%s edit = %v", c.name, got)
		}
		if got := bearing.CanSetStatus(c.u, d, bearing.StatusWithdrawn); got != c.prop {
			t.Errorf("%s withdraw = %v", c.name, got)
		}
		if got := bearing.CanSetStatus(c.u, d, bearing.StatusAccepted); got != c.acc {
			t.Errorf("%s accept = %v", c.name, got)
		}
	}
	if bearing.CanCreateDecision(viewer) || !bearing.CanCreateDecision(other) || bearing.CanCreateDecision(nil) {
		t.Error("create: viewers and anonymous may not, members may")
	}
}
