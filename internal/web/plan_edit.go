package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"vcready/internal/apperr"
	"vcready/internal/assessment"
)

// Editing one action of a plan: owner, due date, status and notes. The people who
// work on the team may; to anyone else the action does not exist.

// actionFormMessages are the error summary's words for each field the service may
// refuse, in the NHS "Enter ..." style; the ids are the inputs they link to.
var actionFormMessages = map[string]FieldError{
	"owner":    {Field: "owner", Message: fmt.Sprintf("Enter an owner of %d characters or fewer", assessment.MaxOwnerChars)},
	"due_date": {Field: "due-day", Message: "Enter a real due date"},
	"status":   {Field: "status", Message: "Select a status"},
	"notes":    {Field: "notes", Message: "Enter notes of 5,000 characters or fewer"},
}

// actionFormView is the action edit form.
type actionFormView struct {
	ID, AssessmentID, Text       string
	Owner, Day, Month, Year      string
	Status, Notes                string
	Statuses                     []option
	OwnerError, DueError         string
	StatusError, NotesError      string
	MaxOwnerChars, MaxNotesChars int
}

func newActionForm(act *assessment.Action, owner, day, month, year, status, notes string, errs []FieldError) actionFormView {
	v := actionFormView{ID: act.ID, AssessmentID: act.AssessmentID, Text: act.Text, Owner: owner,
		Day: day, Month: month, Year: year, Status: status, Notes: notes, Statuses: statusOptions(status, ""),
		MaxOwnerChars: assessment.MaxOwnerChars, MaxNotesChars: assessment.MaxNotesChars}
	for _, e := range errs {
		switch e.Field {
		case "owner":
			v.OwnerError = e.Message
		case "due-day":
			v.DueError = e.Message
		case "status":
			v.StatusError = e.Message
		case "notes":
			v.NotesError = e.Message
		}
	}
	return v
}

func (s *Server) handleActionEditForm(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	act, err := s.deps.Assessments.Action(c.Request().Context(), p, c.Param("id"))
	if err != nil {
		return err
	}
	var day, month, year string
	if d, err := time.Parse(time.DateOnly, act.DueDate); err == nil {
		day, month, year = strconv.Itoa(d.Day()), strconv.Itoa(int(d.Month())), strconv.Itoa(d.Year())
	}
	v := newActionForm(act, act.Owner, day, month, year, act.Status, act.Notes, nil)
	return s.render(c, http.StatusOK, "action-edit", Page{Title: "Change action", Nav: "home", Content: v})
}

// handleActionSave saves the form. A due date that is not a real day is sent to the
// service as one, so it refuses the whole change along with any other bad field:
// every error shows at once and nothing is written.
func (s *Server) handleActionSave(c echo.Context) error {
	p, err := requireUser(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	act, err := s.deps.Assessments.Action(ctx, p, c.Param("id"))
	if err != nil {
		return err
	}
	owner, status := c.FormValue("owner"), c.FormValue("status")
	notes := strings.ReplaceAll(c.FormValue("notes"), "\r\n", "\n")
	day, month, year := formValue(c.FormValue, "due-day"), formValue(c.FormValue, "due-month"), formValue(c.FormValue, "due-year")
	due := dueDate(day, month, year)
	_, err = s.deps.Assessments.UpdateAction(ctx, p, act.ID,
		assessment.ActionUpdate{Owner: &owner, DueDate: &due, Status: &status, Notes: &notes})
	if err == nil {
		return c.Redirect(http.StatusSeeOther, planHref(act.AssessmentID)+"?notice=action-saved#action-"+act.ID)
	}
	errs, other := actionFormErrors(err)
	if other != nil {
		return other
	}
	v := newActionForm(act, owner, day, month, year, status, notes, errs)
	return s.render(c, http.StatusUnprocessableEntity, "action-edit", Page{Title: "Change action", Nav: "home", Errors: errs, Content: v})
}

// dueDate is the three date fields as "YYYY-MM-DD": "" when all are empty, and
// something the service refuses when they do not make a real day (30 February, a
// month of 13, a day left out).
func dueDate(day, month, year string) string {
	if day == "" && month == "" && year == "" {
		return ""
	}
	const notADay = "not a real day"
	d, errD := strconv.Atoi(day)
	m, errM := strconv.Atoi(month)
	y, errY := strconv.Atoi(year)
	if errors.Join(errD, errM, errY) != nil || y < 1000 || y > 9999 {
		return notADay
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != m {
		return notADay
	}
	return t.Format(time.DateOnly)
}

// actionFormErrors maps the service's refusal to the form's messages, in form order.
func actionFormErrors(err error) ([]FieldError, error) {
	var ve *apperr.ValidationError
	if !errors.As(err, &ve) {
		return nil, err
	}
	var out []FieldError
	for _, field := range []string{"owner", "due_date", "status", "notes"} {
		for _, p := range ve.Problems {
			if p.Field == field {
				out = append(out, actionFormMessages[field])
				break
			}
		}
	}
	if len(out) == 0 {
		return nil, err
	}
	return out, nil
}
