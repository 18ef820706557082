package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"
)

// maxSummary is how many characters of an action's text an event's title shows: a
// calendar's month view cuts a title far shorter, and the description has it all.
const maxSummary = 60

// WritePlanICS writes the plan as an iCalendar file (RFC 5545) that a calendar can
// import: one all-day event per action with a due date, on that day. Actions without
// a due date have no day to show and are left out.
//
// Each event's UID is the action's id + "@vcready", so importing a newer export of the
// same plan updates the events rather than doubling them; DTSTAMP is d.GeneratedAt,
// so the same plan always gives the same file. Lines end in CRLF and are folded at 75
// octets, as the RFC requires.
func WritePlanICS(w io.Writer, d PlanDocument) error {
	cal := ics.NewCalendarFor("vcready")
	cal.SetProductId("-//vcready//Action plan//EN")
	cal.SetMethod(ics.MethodPublish)
	cal.SetXWRCalName(icsText(strings.TrimSpace(d.Team + " action plan")))
	for _, a := range d.Actions {
		if a.DueDate == nil {
			continue
		}
		day := Day(*a.DueDate).day
		e := cal.AddEvent(a.ID + "@vcready")
		e.SetDtStampTime(d.GeneratedAt)
		e.SetAllDayStartAt(day)
		e.SetAllDayEndAt(day.AddDate(0, 0, 1))
		e.SetSummary(icsText(shorten(a.Text, maxSummary)))
		e.SetDescription(icsText(icsDescription(d, a)))
		// An action is a reminder, not a meeting: it does not make anyone busy.
		e.SetTimeTransparency(ics.TransparencyTransparent)
		if a.Status == "dropped" {
			// A calendar shows a cancelled event struck through, or hides it.
			e.SetStatus(ics.ObjectStatusCancelled)
		}
	}
	if err := cal.SerializeTo(w, ics.WithNewLineWindows); err != nil {
		return fmt.Errorf("write icalendar: %w", err)
	}
	return nil
}

// icsDescription is what an event says: the whole action, where it comes from, who
// owns it, its status and notes.
func icsDescription(d PlanDocument, a PlanAction) string {
	lines := []string{a.Text, "", "Consideration: " + a.Consideration,
		"Owner: " + orNotSet(a.Owner), "Status: " + ActionStatusLabel(a.Status)}
	if a.DoFirst {
		lines = append(lines, fmt.Sprintf("Priority: %d (do first)", a.Rank))
	} else {
		lines = append(lines, fmt.Sprintf("Priority: %d", a.Rank))
	}
	if a.Notes != "" {
		lines = append(lines, "Notes: "+a.Notes)
	}
	lines = append(lines, "Team: "+d.Team)
	return strings.Join(lines, "\n")
}

// icsText makes every line break a plain "\n", which the library escapes: a carriage
// return would otherwise go into the file as a raw line ending.
func icsText(s string) string {
	return strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s)
}

// shorten cuts s to at most n characters at a word boundary, with an ellipsis.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes := []rune(s)[:n-1]
	cut := string(runes)
	if i := strings.LastIndex(cut, " "); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,.;:") + "…"
}
