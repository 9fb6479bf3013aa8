package demo

import "github.com/bearingorg/bearing"

// person is one demo account. Decisions refer to people by the local part of
// their address ("priya"), which the seeder expands to an e-mail for owners
// and action items, and to a name for deciders, consulted and informed.
type person struct {
	local  string
	name   string
	role   bearing.Role
	title  string   // job title, for the reader of this file: accounts have no title
	teams  []string // slugs
	joined int      // days before today the account was created; 0 = when Bearing was set up
}

// team is one demo team.
type team struct{ slug, name string }

// teams are Northwind's product and platform teams. Northwind runs a freight
// marketplace: shippers book loads on the web and mobile apps, carriers pick
// them up, drivers track them, and Northwind invoices one side and pays the
// other.
var teams = []team{
	{"payments", "Payments"},
	{"checkout", "Checkout"},
	{"platform", "Platform"},
	{"data", "Data"},
	{"mobile", "Mobile"},
	{"identity", "Identity"},
}

// people are Northwind's engineering organisation and two executives. The
// first entry is the admin the demo signs in as. The DNA group is Hannah,
// Seun, Rafael and Mei; Priya, the CTO, has the same role because she chairs
// its decision meetings. Principal and staff engineers drive most of the
// strategy but decide nothing alone, so they are members.
var people = []person{
	{"jordan", "Jordan Ellis", bearing.RoleAdmin, "Engineering operations", []string{"platform"}, 0},

	{"priya", "Priya Raman", bearing.RoleDNA, "CTO", nil, 0},
	{"marcus", "Marcus Webb", bearing.RoleMember, "VP Engineering", nil, 0},

	{"elena", "Elena Sokolova", bearing.RoleMember, "Principal engineer", []string{"platform"}, 0},
	{"tomas", "Tomás Herrera", bearing.RoleMember, "Staff engineer", []string{"payments"}, 0},
	{"aisha", "Aisha Bello", bearing.RoleMember, "Staff engineer", []string{"data"}, 0},
	{"kenji", "Kenji Watanabe", bearing.RoleMember, "Principal engineer", []string{"mobile", "checkout"}, 0},

	{"hannah", "Hannah Lindqvist", bearing.RoleDNA, "Staff engineer, DNA", []string{"platform"}, 0},
	{"seun", "Oluwaseun Adeyemi", bearing.RoleDNA, "Staff engineer, DNA", []string{"identity"}, 0},
	{"rafael", "Rafael Costa", bearing.RoleDNA, "Senior engineer, DNA", []string{"payments"}, 0},
	{"mei", "Mei Chen", bearing.RoleDNA, "Senior engineer, DNA", []string{"data"}, 0},

	{"lucas", "Lucas Moreau", bearing.RoleMember, "Senior engineer", []string{"payments"}, 0},
	{"fatima", "Fatima Zahra", bearing.RoleMember, "Engineer", []string{"payments"}, 0},
	{"daniel", "Daniel Kim", bearing.RoleMember, "Senior engineer", []string{"checkout"}, 0},
	{"sofia", "Sofia Rossi", bearing.RoleMember, "Engineer", []string{"checkout"}, 0},
	{"ben", "Ben Carter", bearing.RoleMember, "Senior engineer", []string{"platform"}, 0},
	{"nadia", "Nadia Petrova", bearing.RoleMember, "Engineer", []string{"platform"}, 0},
	{"arjun", "Arjun Mehta", bearing.RoleMember, "Senior engineer", []string{"data"}, 0},
	{"chloe", "Chloé Dubois", bearing.RoleMember, "Engineer", []string{"data"}, 540},
	{"ryo", "Ryo Tanaka", bearing.RoleMember, "Senior engineer", []string{"mobile"}, 0},
	{"grace", "Grace Okoro", bearing.RoleMember, "Engineer", []string{"mobile"}, 330},
	{"omar", "Omar Haddad", bearing.RoleMember, "Senior engineer", []string{"identity"}, 650},
	{"julia", "Julia Novak", bearing.RoleMember, "Engineer", []string{"identity"}, 0},

	{"catherine", "Catherine Hale", bearing.RoleViewer, "CEO", nil, 0},
	{"diego", "Diego Álvarez", bearing.RoleViewer, "VP Product", nil, 0},
}

// email returns the address of the demo person with the given local part.
func email(local string) string { return local + "@" + Domain }

// findPerson returns the demo person with the given local part, or nil.
func findPerson(local string) *person {
	for i := range people {
		if people[i].local == local {
			return &people[i]
		}
	}
	return nil
}

// names expands the local parts in refs to people's names and keeps anything
// else ("DNA group", "All engineering") as written.
func names(refs []string) []string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = r
		if p := findPerson(r); p != nil {
			out[i] = p.name
		}
	}
	return out
}
