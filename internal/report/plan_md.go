package report

import (
	"fmt"
	"io"
	"strings"

	"vcready/internal/scoring"
)

// WritePlanMarkdown writes the plan as a Markdown document: a title with the team and
// the date, the score table, the projected gain, the do-first actions, then every
// action grouped by consideration with its owner, due date, status and notes.
//
// Every piece of text is escaped (see mdText), so an owner or a note typed by any team
// member shows as the characters typed: it cannot add a link, an image, a table cell,
// a heading or emphasis to the document.
func WritePlanMarkdown(w io.Writer, d PlanDocument) error {
	var b strings.Builder
	writeMDHeader(&b, d)
	writeMDScores(&b, d)
	writeMDDoFirst(&b, d)
	writeMDActions(&b, d)
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write markdown: %w", err)
	}
	return nil
}

func writeMDHeader(b *strings.Builder, d PlanDocument) {
	fmt.Fprintf(b, "# %s action plan, %s\n\n", mdText(d.Team), Date(d.GeneratedAt))
	if d.Organisation != "" {
		fmt.Fprintf(b, "- Organisation: %s\n", mdText(d.Organisation))
	}
	if d.Questionnaire != "" {
		fmt.Fprintf(b, "- Questionnaire: %s\n", mdText(d.Questionnaire))
	}
	if !d.SubmittedAt.IsZero() {
		fmt.Fprintf(b, "- Assessment submitted: %s\n", Date(d.SubmittedAt))
	}
	b.WriteString("\n")
}

func writeMDScores(b *strings.Builder, d PlanDocument) {
	b.WriteString("## Scores\n\n| Consideration | Score | Level |\n|---|---:|---|\n")
	overallLevel := ""
	if d.Overall != nil {
		overallLevel = scoring.LevelOf(*d.Overall).Label
	}
	fmt.Fprintf(b, "| Overall | %s | %s |\n", Score(d.Overall), overallLevel)
	for _, s := range d.Scores {
		fmt.Fprintf(b, "| %s | %s | %s |\n", mdText(s.Title), Score(s.Score), mdText(s.Level))
	}
	b.WriteString("\n")
	if gain := ProjectedGain(d); gain != "" {
		b.WriteString(gain + "\n\n")
	}
}

func writeMDDoFirst(b *strings.Builder, d PlanDocument) {
	if doFirstCount(d) == 0 {
		return
	}
	b.WriteString("## Do first\n\n")
	// Do-first actions come first, so their ranks run 1, 2, 3 as an ordered list's do.
	for _, a := range d.Actions {
		if a.DoFirst {
			fmt.Fprintf(b, "%d. %s (%s)\n", a.Rank, mdText(a.Text), mdText(a.Consideration))
		}
	}
	b.WriteString("\n")
}

func writeMDActions(b *strings.Builder, d PlanDocument) {
	b.WriteString("## All actions\n")
	if len(d.Actions) == 0 {
		b.WriteString("\nThis plan has no actions.\n")
	}
	for _, g := range groupByConsideration(d) {
		fmt.Fprintf(b, "\n### %s\n", mdText(g.title))
		for _, a := range g.actions {
			writeMDAction(b, a)
		}
	}
}

func writeMDAction(b *strings.Builder, a PlanAction) {
	first := ""
	if a.DoFirst {
		first = " (do first)"
	}
	// A bullet with the rank inside it, not an ordered list: a group's ranks skip
	// (2, 3 then 5), and Markdown would renumber an ordered list 1, 2, 3.
	fmt.Fprintf(b, "\n- **%d. %s**%s\n", a.Rank, mdText(a.Text), first)
	fmt.Fprintf(b, "  - Question: %s\n", mdText(a.Question))
	fmt.Fprintf(b, "  - Answer: %s\n", mdText(a.Answer))
	fmt.Fprintf(b, "  - Owner: %s\n", orNotSet(mdText(a.Owner)))
	fmt.Fprintf(b, "  - Due: %s\n", orNotSet(dueWords(a)))
	fmt.Fprintf(b, "  - Status: %s\n", mdText(ActionStatusLabel(a.Status)))
	if a.Notes != "" {
		fmt.Fprintf(b, "  - Notes: %s\n", mdText(a.Notes))
	}
	if a.CarriedFromAction != "" {
		b.WriteString("  - Carried forward from the previous plan\n")
	}
}

// planGroup is the actions of one consideration, in priority order.
type planGroup struct {
	key, title string
	actions    []PlanAction
}

// groupByConsideration groups the actions by consideration, in questionnaire order
// (d.Scores), then any consideration the scores do not list in the order its first
// action comes.
func groupByConsideration(d PlanDocument) []planGroup {
	var groups []planGroup
	index := map[string]int{}
	add := func(key, title string) {
		if _, ok := index[key]; !ok {
			index[key] = len(groups)
			groups = append(groups, planGroup{key: key, title: title})
		}
	}
	for _, s := range d.Scores {
		add(s.Key, s.Title)
	}
	for _, a := range d.Actions {
		add(a.ConsiderationKey, a.Consideration)
		g := &groups[index[a.ConsiderationKey]]
		g.actions = append(g.actions, a)
	}
	out := groups[:0]
	for _, g := range groups {
		if len(g.actions) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// dueWords is the due date as people write it, or "".
func dueWords(a PlanAction) string {
	if a.DueDate == nil {
		return ""
	}
	return Date(*a.DueDate)
}

func orNotSet(s string) string {
	if s == "" {
		return "not set"
	}
	return s
}

// mdSpecial are the characters Markdown (CommonMark with GitHub's tables) may read as
// markup anywhere in a line: emphasis, code, links and images, HTML and entities,
// table cells, strikethrough and backslash escapes themselves.
const mdSpecial = "\\`*_[]()<>!|~&#"

// mdText escapes s for Markdown: a backslash before each markup character, and line
// breaks (where a line could start a heading, a list or a rule) turned into spaces.
func mdText(s string) string {
	var b strings.Builder
	for _, r := range strings.Join(strings.Fields(s), " ") {
		if strings.ContainsRune(mdSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
