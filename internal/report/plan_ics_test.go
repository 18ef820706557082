package report_test

import (
	"bytes"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"

	"vcready/internal/report"
)

func writePlanICS(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := report.WritePlanICS(&buf, planFixture()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestWritePlanICSMatchesGolden(t *testing.T) {
	golden(t, "plan.ics", writePlanICS(t))
}

func TestWritePlanICSLinesAreCRLFAndFolded(t *testing.T) {
	out := string(writePlanICS(t))
	if !strings.HasSuffix(out, "END:VCALENDAR\r\n") {
		t.Error("the file does not end with END:VCALENDAR and CRLF")
	}
	for i, line := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if strings.ContainsAny(line, "\r\n") {
			t.Errorf("line %d has a bare CR or LF: %q", i+1, line)
		}
		if len(line) > 75 {
			t.Errorf("line %d is %d octets, over RFC 5545's 75: %q", i+1, len(line), line)
		}
	}
}

func TestWritePlanICSEvents(t *testing.T) {
	cal, err := ics.ParseCalendar(bytes.NewReader(writePlanICS(t)))
	if err != nil {
		t.Fatal(err)
	}
	events := cal.Events()
	var uids []string
	for _, e := range events {
		uids = append(uids, e.Id())
	}
	// act-3, act-5 and act-7 have no due date.
	if got, want := strings.Join(uids, " "), "act-1@vcready act-2@vcready act-4@vcready act-6@vcready"; got != want {
		t.Fatalf("events %s, want %s", got, want)
	}
	e := events[0]
	for prop, want := range map[ics.ComponentProperty]string{
		ics.ComponentPropertyDtStart: "20270115",
		ics.ComponentPropertyDtEnd:   "20270116",
		ics.ComponentPropertyDtstamp: "20261201T093000Z",
		ics.ComponentPropertySummary: "Arrange video consultation training for every clinician…",
	} {
		p := e.GetProperty(prop)
		if p == nil || p.Value != want {
			t.Errorf("%s = %v, want %q", prop, p, want)
			continue
		}
		if prop == ics.ComponentPropertyDtStart && p.ICalParameters["VALUE"][0] != "DATE" {
			t.Errorf("DTSTART is not VALUE=DATE: %v", p.ICalParameters)
		}
	}
	if got := events[3].GetProperty(ics.ComponentPropertyStatus); got == nil || got.Value != "CANCELLED" {
		t.Errorf("the dropped action's event has status %v, want CANCELLED", got)
	}
	if got := events[0].GetProperty(ics.ComponentPropertyStatus); got != nil {
		t.Errorf("an action in progress has status %v, want none", got)
	}
	desc := ics.FromText(e.GetProperty(ics.ComponentPropertyDescription).Value)
	for _, want := range []string{"starting with the outpatient teams", "Consideration: Workforce",
		"Owner: Siân Ó Dónaill", "Status: In progress", "Notes: Booked the first session 🎉 with the trainer"} {
		if !strings.Contains(desc, want) {
			t.Errorf("description lacks %q:\n%s", want, desc)
		}
	}
}
