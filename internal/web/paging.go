package web

import (
	"fmt"
	"net/url"
	"strconv"

	"vcready/internal/apperr"
)

// orgPageSize is how many rows a paged table on the organisation page shows: at 1,000
// teams the whole table was 2.4 MB (issue 11); 50 rows keep a page well under 200 KB.
const orgPageSize = 50

// pager is one paged table's position and its previous and next links, for the
// NHS.UK pagination component (partials/pagination.html).
type pager struct {
	Label              string // the navigation's accessible name, unique on the page
	Noun               string // plural, as in "Showing 51 to 100 of 1,000 teams"
	Page, Pages        int
	From, To, Total    int
	PrevHref, NextHref string
	Showing            string // "Showing 51 to 100 of 1,000 teams"
}

// pageOf reads a 1-based page number from the query value raw for total rows. No
// value is page 1. A value that is not a whole number from 1 to the last page is a
// not-found: a stale or crafted link should not quietly show other rows than it names.
func pageOf(raw string, total int) (int, error) {
	pages := max(1, (total+orgPageSize-1)/orgPageSize)
	if raw == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1 || n > pages || strconv.Itoa(n) != raw {
		return 0, fmt.Errorf("page %q of %d: %w", raw, pages, apperr.ErrNotFound)
	}
	return n, nil
}

// newPager is the pager for page n of total rows; href builds a link to another page.
func newPager(label, noun string, n, total int, href func(int) string) pager {
	p := pager{Label: label, Noun: noun, Page: n, Pages: max(1, (total+orgPageSize-1)/orgPageSize), Total: total}
	p.From, p.To = (n-1)*orgPageSize+1, min(n*orgPageSize, total)
	p.Showing = "Showing " + thousands(p.From) + " to " + thousands(p.To) + " of " + thousands(total) + " " + noun
	if n > 1 {
		p.PrevHref = href(n - 1)
	}
	if n < p.Pages {
		p.NextHref = href(n + 1)
	}
	return p
}

// pageSlice is the rows of page n.
func pageSlice[T any](rows []T, n int) []T {
	from := min((n-1)*orgPageSize, len(rows))
	return rows[from:min(from+orgPageSize, len(rows))]
}

// orgPageHref links to the organisation page at a teams page and a people page,
// leaving out page 1 so the plain address stays the first page of both.
func orgPageHref(orgID string, teams, people int, anchor string) string {
	q := url.Values{}
	if teams > 1 {
		q.Set("page", strconv.Itoa(teams))
	}
	if people > 1 {
		q.Set("people", strconv.Itoa(people))
	}
	h := "/organisations/" + orgID
	if len(q) > 0 {
		h += "?" + q.Encode()
	}
	return h + "#" + anchor
}

// thousands writes a count with commas, as NHS.UK style writes numbers: 1,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
