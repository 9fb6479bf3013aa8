package bearing

import (
	"slices"
	"sort"
	"strings"
)

// Answer is the reply to "can I use X?": a verdict with its reasons, what to
// use instead, and the asker's exceptions, so a team can decide on its own.
type Answer struct {
	Query        string             `json:"query"`
	Verdict      Verdict            `json:"verdict"`
	Meaning      string             `json:"meaning"`
	Technology   *PolicyTechnology  `json:"technology,omitempty"`
	Matched      string             `json:"matched,omitempty"` // how the query was understood
	Reasons      []Reason           `json:"reasons"`
	Alternatives []PolicyTechnology `json:"alternatives"`
	Exceptions   []PolicyException  `json:"exceptions"`
	DidYouMean   []string           `json:"did_you_mean,omitempty"`
	Contacts     []string           `json:"contacts,omitempty"` // who to ask when nothing is decided
	HowToRaise   string             `json:"how_to_raise,omitempty"`
}

// Reason is one piece of an answer's "why", with a link to read more.
type Reason struct {
	Kind string `json:"kind"` // "rationale", "guideline", "decision"
	Ref  string `json:"ref,omitempty"`
	Text string `json:"text"`
	URL  string `json:"url,omitempty"`
}

// Ask answers "can I use q?" from the policy for a member of the given
// teams. Matching forgives case, uses aliases and identifiers (mongo,
// MongoDB and pkg:npm/mongoose all find MongoDB) and typos of one or two
// letters.
func (p *Policy) Ask(q string, teams []string) *Answer {
	a := &Answer{Query: strings.TrimSpace(q), Reasons: []Reason{}, Alternatives: []PolicyTechnology{}, Exceptions: []PolicyException{}}
	t, how := p.match(a.Query)
	if t == nil {
		a.Verdict, a.Meaning = VerdictUnknown, VerdictUnknown.Meaning()
		a.DidYouMean = p.suggest(a.Query)
		a.Contacts = p.Contacts
		a.HowToRaise = "Nothing in the radar, guidelines or decisions covers this yet. Ask the DNA group, or request a design review so that it gets decided."
		return a
	}
	a.Technology, a.Matched, a.Verdict = t, how, t.Verdict
	a.Meaning = t.Verdict.Meaning()
	if t.Rationale != "" {
		a.Reasons = append(a.Reasons, Reason{Kind: "rationale", Ref: t.Slug, Text: t.Rationale, URL: p.URL("/radar/" + t.Slug)})
	}
	for _, g := range p.guidelinesAbout(t) {
		a.Reasons = append(a.Reasons, Reason{Kind: "guideline", Ref: g.Key, Text: string(g.Level) + ": " + g.Statement, URL: p.URL("/guidelines/" + g.Key)})
	}
	for _, k := range t.Decisions {
		if d := p.decision(k); d != nil {
			a.Reasons = append(a.Reasons, Reason{Kind: "decision", Ref: d.Key, Text: d.Title + " (" + string(d.Status) + ")", URL: p.URL("/decisions/" + d.Key)})
		}
	}
	if t.Verdict != VerdictAdopt {
		a.Alternatives = p.alternatives(t)
	}
	for _, e := range p.Exceptions {
		if slices.Contains(teams, e.Team) && (e.Technology == t.Slug || slices.ContainsFunc(p.guidelinesAbout(t), func(g PolicyGuideline) bool { return g.Key == e.Guideline })) {
			a.Exceptions = append(a.Exceptions, e)
		}
	}
	return a
}

func (p *Policy) decision(key string) *PolicyDecision {
	for i := range p.Decisions {
		if p.Decisions[i].Key == key {
			return &p.Decisions[i]
		}
	}
	return nil
}

// guidelinesAbout returns the guidelines that name the technology or whose
// rules forbid or require one of its identifiers.
func (p *Policy) guidelinesAbout(t *PolicyTechnology) []PolicyGuideline {
	var out []PolicyGuideline
	for _, i := range p.index().guidelines[t.Slug] {
		out = append(out, p.Guidelines[i])
	}
	return out
}

// alternatives are the technologies the entry names, or else the adopt-ring
// technologies of its quadrant.
func (p *Policy) alternatives(t *PolicyTechnology) []PolicyTechnology {
	out := []PolicyTechnology{}
	for _, slug := range t.Alternatives {
		for _, o := range p.Technologies {
			if o.Slug == slug {
				out = append(out, o)
			}
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, o := range p.Technologies {
		if o.Quadrant == t.Quadrant && o.Verdict == VerdictAdopt && o.Slug != t.Slug && len(out) < 5 {
			out = append(out, o)
		}
	}
	return out
}

// match finds the technology a query means, best kind of match first:
// identifier, exact name, alias, identifier short name, prefix, typo.
func (p *Policy) match(q string) (*PolicyTechnology, string) {
	ix := p.index()
	norm := strings.ToLower(strings.TrimSpace(q))
	if norm == "" {
		return nil, ""
	}
	if strings.ContainsAny(norm, ":/@") {
		if id, err := ParseIdentifier(q); err == nil {
			for _, pid := range ix.ids {
				if pid.id.Kind == id.Kind && pid.id.MatchesName(id.Name) {
					return &p.Technologies[pid.tech], "identifier " + pid.id.String()
				}
			}
		}
	}
	slug := Slugify(q)
	if i, ok := ix.exact[norm]; ok {
		return &p.Technologies[i], ""
	}
	if i, ok := ix.exact[slug]; ok {
		return &p.Technologies[i], ""
	}
	if a, ok := ix.alias[norm]; ok {
		return &p.Technologies[a.tech], "alias " + a.name
	}
	if i, ok := ix.short[norm]; ok {
		return &p.Technologies[i], "identifier " + p.Technologies[i].Identifiers[0]
	}
	best, bestScore, how := -1, 0, ""
	for _, n := range ix.names {
		score, why := 0, ""
		switch {
		case len(norm) >= 3 && strings.HasPrefix(n.lower, norm):
			score, why = 60, "name starting with "+q
		case typo(norm, n.lower):
			score, why = 40, "did you mean "+p.Technologies[n.tech].Name+"?"
		}
		if score > bestScore || (score > 0 && score == bestScore && len(p.Technologies[n.tech].Name) < len(p.Technologies[best].Name)) {
			best, bestScore, how = n.tech, score, why
		}
	}
	if best < 0 {
		return nil, ""
	}
	return &p.Technologies[best], how
}

// askIndex holds what Ask looks up, built once per policy.
type askIndex struct {
	exact      map[string]int // lower-case name or slug → technology
	alias      map[string]aliasRef
	short      map[string]int // identifier short name → technology
	ids        []techID
	names      []techName // every name and alias, for prefix and typo matching
	guidelines map[string][]int
}

type aliasRef struct {
	tech int
	name string
}

type techID struct {
	tech int
	id   Identifier
}

type techName struct {
	tech  int
	lower string
}

// Prepare builds the lookup index of the policy, so that answers take
// microseconds; the server calls it once before sharing a policy between
// requests. Ask prepares an unprepared policy itself.
func (p *Policy) Prepare() { p.cache = p.buildIndex() }

func (p *Policy) index() *askIndex {
	if p.cache != nil {
		return p.cache
	}
	return p.buildIndex()
}

func (p *Policy) buildIndex() *askIndex {
	ix := &askIndex{exact: map[string]int{}, alias: map[string]aliasRef{}, short: map[string]int{}, guidelines: map[string][]int{}}
	owner := map[string]string{} // identifier → slug
	for i, t := range p.Technologies {
		ix.exact[strings.ToLower(t.Name)], ix.exact[t.Slug] = i, i
		ix.names = append(ix.names, techName{i, strings.ToLower(t.Name)})
		for _, a := range t.Aliases {
			ix.alias[strings.ToLower(a)] = aliasRef{i, a}
			ix.alias[Slugify(a)] = aliasRef{i, a}
			ix.names = append(ix.names, techName{i, strings.ToLower(a)})
		}
		for _, s := range t.Identifiers {
			if id, err := ParseIdentifier(s); err == nil {
				ix.ids = append(ix.ids, techID{i, id})
				if _, taken := ix.short[shortName(id)]; !taken {
					ix.short[shortName(id)] = i
				}
				owner[id.String()] = t.Slug
			}
		}
	}
	for gi, g := range p.Guidelines {
		seen := map[string]bool{}
		add := func(slug string) {
			if slug != "" && !seen[slug] {
				seen[slug] = true
				ix.guidelines[slug] = append(ix.guidelines[slug], gi)
			}
		}
		for _, slug := range g.Technologies {
			add(slug)
		}
		for _, r := range g.Rules {
			if v := r.Forbid + r.Require; v != "" {
				add(owner[v])
			}
		}
	}
	return ix
}

// shortName is the last part of an identifier's name: "mongoose" for
// pkg:npm/mongoose, "mongo" for docker.io/library/mongo.
func shortName(id Identifier) string {
	n := strings.TrimSuffix(id.Name, "*")
	if i := strings.LastIndexAny(n, "/:"); i >= 0 {
		n = n[i+1:]
	}
	return n
}

// typo reports whether a and b differ by at most one letter (short words) or
// two (words of six letters or more).
func typo(a, b string) bool {
	limit := 1
	if len(a) >= 6 {
		limit = 2
	}
	if len(a) < 3 || abs(len(a)-len(b)) > limit {
		return false
	}
	return levenshtein(a, b) <= limit
}

// suggest lists names within three edits of q, for "did you mean".
func (p *Policy) suggest(q string) []string {
	norm := strings.ToLower(q)
	type cand struct {
		name string
		d    int
	}
	var cs []cand
	for _, t := range p.Technologies {
		if abs(len(t.Name)-len(norm)) <= 3 {
			if d := levenshtein(norm, strings.ToLower(t.Name)); d <= 3 {
				cs = append(cs, cand{t.Name, d})
			}
		}
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].d < cs[j].d || cs[i].d == cs[j].d && cs[i].name < cs[j].name })
	var out []string
	for i := 0; i < len(cs) && i < 3; i++ {
		out = append(out, cs[i].name)
	}
	return out
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
