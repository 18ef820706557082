package web

import (
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"vcready/internal/assessment"
	"vcready/internal/questionnaire"
	"vcready/internal/report"
)

// How a consideration page posts its answers. Each item is one form field named by
// its item id: a scale posts its level ("0".."4"), a choice its option id, a
// checklist every ticked option id, a number or text item what was typed.
//
// "Don't know", "Not applicable" and a checklist's "None of these" post the special
// values below. They start with "_", which option ids cannot (questionnaire
// validation), so they never collide with a real option.
//
// Checklists show those three as checkboxes after an "or" divider, marked
// exclusive: with JavaScript, ticking one unticks the rest (the NHS checkboxes
// component). Without JavaScript nothing stops someone ticking an option and "Don't
// know" together, so the server rejects that combination with an error message
// instead of guessing. "None of these" is how a team says "nothing is in place"
// (scored 0); a checklist with nothing ticked at all is simply not answered yet.
const (
	formDontKnow      = "_dont_know"
	formNotApplicable = "_not_applicable"
	formNone          = "_none"
)

// savedValues turns saved answers into the form values that show them, so a page is
// drawn the same way from saved answers and from a form posted back with errors.
func savedValues(as []assessment.Answer) url.Values {
	v := url.Values{}
	for _, a := range as {
		v[a.ItemID] = formValues(a.Answer)
	}
	return v
}

func formValues(a questionnaire.Answer) []string {
	switch {
	case a.Status == questionnaire.DontKnow:
		return []string{formDontKnow}
	case a.Status == questionnaire.NotApplicable:
		return []string{formNotApplicable}
	case a.Level != nil:
		return []string{strconv.Itoa(*a.Level)}
	case a.Option != "":
		return []string{a.Option}
	case a.OptionsSet || len(a.Options) > 0:
		if len(a.Options) == 0 {
			return []string{formNone}
		}
		return a.Options
	case a.Number != nil:
		return []string{strconv.FormatFloat(*a.Number, 'f', -1, 64)}
	case a.Text != nil:
		return []string{*a.Text}
	}
	return nil
}

// readConsiderationForm reads one consideration page into answers to save. Items left
// blank are skipped: a draft may be saved part done. Any invalid value makes the
// whole page an error, with one message per item, and nothing is to be saved.
//
// An item that had a saved answer and now comes back blank (a figure deleted, every
// box unticked) is returned in clear: the person removed their answer.
func readConsiderationForm(q *questionnaire.Questionnaire, qc *questionnaire.Consideration, form url.Values,
	saved map[string]assessment.Answer) (answers []questionnaire.Answer, clear []string, errs []FieldError) {
	for i := range qc.Items {
		it := &qc.Items[i]
		_, wasSaved := saved[it.ID]
		a, ok, problem := readItem(it, form[it.ID])
		switch {
		case problem != "":
			errs = append(errs, FieldError{Field: it.ID, Message: fmt.Sprintf("Question %d: %s", i+1, problem)})
		case ok:
			answers = append(answers, a)
		case wasSaved:
			clear = append(clear, it.ID)
		}
	}
	if len(errs) > 0 {
		return nil, nil, errs
	}
	// The questionnaire's own check has the last word, so a tampered value (an option
	// the item does not have) is an error on its question, not a failed request.
	for _, p := range q.CheckAnswers(answers) {
		id := answers[p.Index].ItemID
		errs = append(errs, FieldError{Field: id,
			Message: fmt.Sprintf("Question %d: choose from the answers shown", itemNumber(qc, id))})
	}
	if len(errs) > 0 {
		return nil, nil, errs
	}
	return answers, clear, nil
}

// readItem reads one item's posted values. ok is false when the item was left blank;
// problem, when not empty, is what the person must fix.
func readItem(it *questionnaire.Item, vals []string) (a questionnaire.Answer, ok bool, problem string) {
	a.ItemID = it.ID
	switch it.Type {
	case questionnaire.TypeScale, questionnaire.TypeChoice:
		return readRadio(it, vals)
	case questionnaire.TypeChecklist:
		return readChecklist(it, vals)
	case questionnaire.TypeNumber:
		return readNumber(it, first(vals))
	}
	text := strings.TrimSpace(strings.ReplaceAll(first(vals), "\r\n", "\n"))
	switch {
	case text == "":
		return a, false, ""
	case it.MaxLength > 0 && utf8.RuneCountInString(text) > it.MaxLength:
		return a, false, fmt.Sprintf("your answer must be %d characters or fewer", it.MaxLength)
	}
	a.Text = &text
	return a, true, ""
}

func first(vals []string) string {
	if len(vals) == 0 {
		return ""
	}
	return vals[0]
}

// readStatus reads "Don't know" and "Not applicable".
func readStatus(v string) (status string, ok bool) {
	switch v {
	case formDontKnow:
		return questionnaire.DontKnow, true
	case formNotApplicable:
		return questionnaire.NotApplicable, true
	}
	return "", false
}

func readRadio(it *questionnaire.Item, vals []string) (a questionnaire.Answer, ok bool, problem string) {
	a.ItemID = it.ID
	v := first(vals)
	switch {
	case len(vals) > 1:
		return a, false, "choose one answer"
	case v == "":
		return a, false, ""
	}
	if st, isStatus := readStatus(v); isStatus {
		a.Status = st
		return a, true, ""
	}
	if it.Type == questionnaire.TypeChoice {
		a.Option = v
		return a, true, ""
	}
	level, err := strconv.Atoi(v)
	if err != nil {
		return a, false, "choose from the answers shown"
	}
	a.Level = &level
	return a, true, ""
}

func readChecklist(it *questionnaire.Item, vals []string) (a questionnaire.Answer, ok bool, problem string) {
	a.ItemID = it.ID
	var specials, options []string
	for _, v := range vals {
		if strings.HasPrefix(v, "_") {
			specials = append(specials, v)
		} else {
			options = append(options, v)
		}
	}
	switch {
	case len(specials) > 1 || (len(specials) == 1 && len(options) > 0):
		return a, false, "select what your team has in place, or select only one of " + checklistExtras(it)
	case len(specials) == 0 && len(options) == 0:
		return a, false, ""
	case len(options) > 0:
		a.Options, a.OptionsSet = options, true
		return a, true, ""
	case specials[0] == formNone:
		a.OptionsSet = true
		return a, true, ""
	}
	st, isStatus := readStatus(specials[0])
	if !isStatus {
		return a, false, "choose from the answers shown"
	}
	a.Status = st
	return a, true, ""
}

// checklistExtras names the exclusive answers a checklist offers, for its errors.
func checklistExtras(it *questionnaire.Item) string {
	if it.AllowNA {
		return "‘None of these’, ‘Don’t know’ or ‘Not applicable’"
	}
	return "‘None of these’ or ‘Don’t know’"
}

// readNumber accepts what people type for a figure: spaces, thousands commas and the
// item's unit ("40%") are ignored.
func readNumber(it *questionnaire.Item, v string) (a questionnaire.Answer, ok bool, problem string) {
	a.ItemID = it.ID
	s := strings.ReplaceAll(strings.TrimSpace(v), ",", "")
	if it.Unit != "" {
		s = strings.TrimSpace(strings.TrimSuffix(s, it.Unit))
	}
	if s == "" {
		return a, false, ""
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(n) || math.IsInf(n, 0) {
		return a, false, "enter a number, like 40"
	}
	if (it.Min != nil && n < *it.Min) || (it.Max != nil && n > *it.Max) {
		return a, false, "enter a number" + rangeText(it)
	}
	a.Number = &n
	return a, true, ""
}

// rangeText is " from 0 to 100" for an item with both bounds, or less.
func rangeText(it *questionnaire.Item) string {
	switch {
	case it.Min != nil && it.Max != nil:
		return fmt.Sprintf(" from %s to %s", report.Number(*it.Min), report.Number(*it.Max))
	case it.Min != nil:
		return " of " + report.Number(*it.Min) + " or more"
	case it.Max != nil:
		return " of " + report.Number(*it.Max) + " or less"
	}
	return ""
}
