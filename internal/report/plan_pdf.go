package report

import (
	"fmt"
	"io"
	"strings"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"

	"vcready/internal/scoring"
)

// Page layout of the PDF, in millimetres on A4 portrait.
const (
	pdfMargin     = 12.0
	pdfLine       = 4.6 // the height of a line of body text
	pdfPad        = 1.2 // space inside a table cell, above and below its text
	pdfRadarSize  = 66.0
	pdfFooterGap  = 8.0
	pdfFontFamily = "Go"
	// pdfScoreTableWidth is the score table's width (its columns: 44 + 14 + 36).
	pdfScoreTableWidth = 94.0
	// pdfRadarLabel is how wide a radar label may run before it wraps.
	pdfRadarLabel = 21.0
)

// pdfColumn is one column of the actions table.
type pdfColumn struct {
	title string
	width float64
}

// pdfColumns fill the 186 mm between the margins.
var pdfColumns = []pdfColumn{{"#", 8}, {"Do first", 14}, {"Consideration", 30}, {"Action", 66},
	{"Owner", 26}, {"Due", 22}, {"Status", 20}}

// WritePlanPDF writes the plan as an A4 PDF: the team, organisation and date, the score
// table beside a radar chart drawn as vector shapes (the results page's geometry, from
// internal/chart), the projected gain, and the actions in priority order with their
// rank, do-first mark, consideration, text (and notes), owner, due date and status. A
// row never breaks across pages: the table moves to a new page, header repeated,
// before a row that would not fit.
//
// The text is in the embedded Go fonts, so names outside ASCII (Siân, Zoë Øster) draw
// on any reader; a character they lack, such as an emoji, shows as "?" rather than
// failing the document. The creation date is d.GeneratedAt and the resource catalogs
// are sorted, so the same plan always gives the same bytes.
func WritePlanPDF(w io.Writer, d PlanDocument) error {
	fonts, err := pdfFonts()
	if err != nil {
		return fmt.Errorf("write pdf: parse fonts: %w", err)
	}
	p := &planPDF{Fpdf: newPlanPDF(d), fonts: fonts}
	p.SetTitle(p.txt(d.Team+" action plan"), true)
	p.AddPage()
	p.header(d)
	p.scores(d)
	p.actions(d)
	if err := p.Output(w); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	return nil
}

// planPDF is the document being drawn, with the fonts its text is checked against.
type planPDF struct {
	*fpdf.Fpdf
	fonts []*sfnt.Font
	buf   sfnt.Buffer
}

// txt is s as the fonts can draw it (see drawable). Every piece of text from the plan
// goes through it before fpdf sees it.
func (p *planPDF) txt(s string) string { return drawable(p.fonts, &p.buf, s) }

func newPlanPDF(d PlanDocument) *fpdf.Fpdf {
	f := fpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes(pdfFontFamily, "", goregular.TTF)
	f.AddUTF8FontFromBytes(pdfFontFamily, "B", gobold.TTF)
	f.SetMargins(pdfMargin, pdfMargin, pdfMargin)
	// Rows are placed by hand so none is cut (see row).
	f.SetAutoPageBreak(false, pdfMargin)
	f.SetCreationDate(d.GeneratedAt)
	f.SetModificationDate(d.GeneratedAt)
	f.SetCatalogSort(true)
	f.SetCreator("vcready", false)
	f.SetLang("en-GB")
	f.AliasNbPages("{nb}")
	f.SetFooterFunc(func() {
		_, h := f.GetPageSize()
		f.SetXY(pdfMargin, h-pdfFooterGap)
		f.SetFont(pdfFontFamily, "", 8)
		f.SetTextColor(90, 90, 90)
		f.CellFormat(0, 4, fmt.Sprintf("Page %d of {nb}", f.PageNo()), "", 0, "R", false, 0, "")
		f.SetTextColor(0, 0, 0)
	})
	return f
}

func (p *planPDF) header(d PlanDocument) {
	p.SetFont(pdfFontFamily, "B", 17)
	p.MultiCell(0, 8, p.txt(d.Team+" action plan"), "", "L", false)
	p.SetFont(pdfFontFamily, "", 10)
	var facts []string
	if d.Organisation != "" {
		facts = append(facts, d.Organisation)
	}
	if d.Questionnaire != "" {
		facts = append(facts, d.Questionnaire)
	}
	if !d.SubmittedAt.IsZero() {
		facts = append(facts, "assessment submitted "+Date(d.SubmittedAt))
	}
	facts = append(facts, "plan of "+Date(d.GeneratedAt))
	p.MultiCell(0, 5, p.txt(strings.Join(facts, " · ")), "", "L", false)
	p.Ln(3)
}

// scores draws the score table on the left and the radar chart on the right, then the
// projected gain under both.
func (p *planPDF) scores(d PlanDocument) {
	top := p.GetY()
	p.scoreTable(d)
	tableBottom := p.GetY()
	// The chart is centred in the space right of the table, its labels included.
	w, _ := p.GetPageSize()
	left := pdfMargin + pdfScoreTableWidth
	p.radar(d, left+(w-pdfMargin-left-pdfRadarSize)/2, top)
	p.SetXY(pdfMargin, max(tableBottom, top+pdfRadarSize)+2)
	if gain := ProjectedGain(d); gain != "" {
		p.SetFont(pdfFontFamily, "", 10)
		p.MultiCell(0, 5, p.txt(gain), "", "L", false)
	}
	p.Ln(4)
}

func (p *planPDF) scoreTable(d PlanDocument) {
	widths := []float64{44, 14, 36}
	p.SetFont(pdfFontFamily, "B", 9)
	p.SetFillColor(232, 237, 238)
	for i, h := range []string{"Consideration", "Score", "Level"} {
		p.CellFormat(widths[i], 6, h, "1", 0, "L", true, 0, "")
	}
	p.Ln(-1)
	overallLevel := ""
	if d.Overall != nil {
		overallLevel = scoring.LevelOf(*d.Overall).Label
	}
	p.scoreRow(widths, "Overall", d.Overall, overallLevel, true)
	for _, s := range d.Scores {
		p.scoreRow(widths, s.Title, s.Score, s.Level, false)
	}
}

func (p *planPDF) scoreRow(widths []float64, title string, score *float64, level string, bold bool) {
	style := ""
	if bold {
		style = "B"
	}
	p.SetFont(pdfFontFamily, style, 9)
	p.CellFormat(widths[0], 6, p.txt(title), "1", 0, "L", false, 0, "")
	// "Not enough information" does not fit the score column; the level column says it.
	if score == nil {
		p.CellFormat(widths[1], 6, "–", "1", 0, "L", false, 0, "")
		p.CellFormat(widths[2], 6, NoScore, "1", 1, "L", false, 0, "")
		p.SetX(pdfMargin)
		return
	}
	p.CellFormat(widths[1], 6, Score(score), "1", 0, "L", false, 0, "")
	p.CellFormat(widths[2], 6, p.txt(level), "1", 1, "L", false, 0, "")
	p.SetX(pdfMargin)
}

// actions draws the actions table, one row per action in priority order.
func (p *planPDF) actions(d PlanDocument) {
	p.SetFont(pdfFontFamily, "B", 13)
	p.CellFormat(0, 8, "Actions", "", 1, "L", false, 0, "")
	if len(d.Actions) == 0 {
		p.SetFont(pdfFontFamily, "", 10)
		p.CellFormat(0, 6, "This plan has no actions.", "", 1, "L", false, 0, "")
		return
	}
	p.actionsHeader()
	for _, a := range d.Actions {
		p.row(actionCells(a, p.txt))
	}
}

// actionCells are one action's cells, in pdfColumns order: the action's notes go
// under its text.
func actionCells(a PlanAction, txt func(string) string) []string {
	first := ""
	if a.DoFirst {
		first = "Yes"
	}
	text := a.Text
	if a.Notes != "" {
		text += "\nNotes: " + a.Notes
	}
	if a.CarriedFromAction != "" {
		text += "\nCarried forward from the previous plan"
	}
	due := "–"
	if a.DueDate != nil {
		due = Date(*a.DueDate)
	}
	return []string{fmt.Sprint(a.Rank), first, txt(a.Consideration), txt(text),
		txt(orNotSet(a.Owner)), due, txt(ActionStatusLabel(a.Status))}
}

func (p *planPDF) actionsHeader() {
	p.SetFont(pdfFontFamily, "B", 9)
	p.SetFillColor(232, 237, 238)
	for _, c := range pdfColumns {
		p.CellFormat(c.width, 6, c.title, "1", 0, "L", true, 0, "")
	}
	p.Ln(-1)
}

// row draws one table row as tall as its tallest cell. When it would run into the
// footer it goes to the next page, under a repeated header, so no row is cut; a cell
// taller than a whole page is cut short with an ellipsis.
func (p *planPDF) row(cells []string) {
	p.SetFont(pdfFontFamily, "", 9)
	_, pageH := p.GetPageSize()
	bottom := pageH - pdfMargin - pdfFooterGap
	maxLines := int((bottom - pdfMargin - 6 - 2*pdfPad) / pdfLine)
	lines := make([][]string, len(cells))
	height := 0.0
	for i, c := range cells {
		lines[i] = p.SplitText(c, pdfColumns[i].width)
		if len(lines[i]) > maxLines {
			lines[i] = append(lines[i][:maxLines-1], "…")
		}
		height = max(height, float64(len(lines[i]))*pdfLine+2*pdfPad)
	}
	if p.GetY()+height > bottom {
		p.AddPage()
		p.actionsHeader()
		p.SetFont(pdfFontFamily, "", 9)
	}
	x, y := pdfMargin, p.GetY()
	for i, c := range pdfColumns {
		p.Rect(x, y, c.width, height, "D")
		for j, line := range lines[i] {
			p.SetXY(x, y+pdfPad+float64(j)*pdfLine)
			p.CellFormat(c.width, pdfLine, line, "", 0, "L", false, 0, "")
		}
		x += c.width
	}
	p.SetXY(pdfMargin, y+height)
}
