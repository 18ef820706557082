package layers

import "slices"

// storage is what only the store may reach: GORM, database/sql and the SQLite and
// PostgreSQL drivers.
var storage = []string{"gorm.io", "database/sql", "github.com/mattn/go-sqlite3", "github.com/jackc/pgx"}

// transport is what only the web layer (and cmd/vcready) may reach: echo, HTTP and the
// request validator.
var transport = []string{"github.com/labstack/echo", "net/http", "github.com/go-playground/validator"}

// pure is what the pure packages must never reach: storage, transport, the network and
// other processes. They compute; the edges do the I/O.
var pure = slices.Concat(storage, transport, []string{"net", "os/exec"})

// service is what the application services (auth, assessment) must never reach: they
// know neither HTTP nor the database.
var service = slices.Concat(storage, transport)

// beneathWeb is the core and the services that both web layers build on.
var beneathWeb = []string{"internal/apperr", "internal/auth", "internal/assessment",
	"internal/questionnaire", "internal/scoring", "internal/benchmark", "internal/actionplan"}

// rules is the allow-list: one row for every package of the module. See the package
// comment for what each row means and how to add one.
var rules = []rule{
	{pkg: "internal/apperr", stdOnly: true},
	{pkg: "internal/id", stdOnly: true},

	{pkg: "internal/questionnaire", forbidden: pure},
	{pkg: "internal/scoring", mayImport: []string{"internal/questionnaire"}, forbidden: pure},
	{pkg: "internal/benchmark", forbidden: pure},
	{pkg: "internal/actionplan", mayImport: []string{"internal/questionnaire", "internal/scoring"}, forbidden: pure},
	{pkg: "internal/chart", forbidden: pure},
	{pkg: "internal/report", forbidden: pure, exempt: slices.Concat(excelizeHTTP, icalHTTP), mayImport: []string{
		"internal/questionnaire", "internal/scoring", "internal/benchmark", "internal/actionplan", "internal/chart"}},
	{pkg: "questionnaires", forbidden: pure},
	{pkg: "static", forbidden: pure},

	{pkg: "internal/auth", mayImport: []string{"internal/apperr", "internal/id"}, forbidden: service},
	{pkg: "internal/assessment", forbidden: service, mayImport: []string{"internal/apperr", "internal/id",
		"internal/auth", "internal/questionnaire", "internal/scoring", "internal/benchmark", "internal/actionplan"}},
	{pkg: "internal/backup", forbidden: service, mayImport: []string{"internal/apperr", "internal/auth"}},
	{pkg: "internal/store", forbidden: transport, mayImport: []string{"internal/apperr", "internal/auth",
		"internal/assessment", "internal/backup", "internal/questionnaire", "internal/scoring"}},
	{pkg: "internal/demo", forbidden: slices.Concat(storage, []string{"github.com/labstack/echo"}),
		mayImport: []string{"internal/auth", "internal/assessment", "internal/questionnaire"}},

	{pkg: "internal/web/api", forbidden: storage,
		mayImport: slices.Concat(beneathWeb, []string{"internal/report"})},
	{pkg: "internal/web", forbidden: storage, exempt: []exemption{prometheusSQL},
		mayImport: slices.Concat(beneathWeb, []string{"internal/web/api", "internal/report", "internal/chart", "internal/backup", "static"})},

	{pkg: "internal/store/storetest", kit: true, mayImport: []string{"internal/store", "internal/apperr",
		"internal/auth", "internal/assessment", "internal/questionnaire", "internal/scoring"}},
	{pkg: "internal/browsertest", kit: true},
	// webtest builds the services; the caller passes the server's constructor, so
	// package web's own tests can use the kit without an import cycle.
	{pkg: "internal/web/webtest", kit: true, mayImport: []string{"internal/store", "internal/store/storetest",
		"internal/auth", "internal/assessment", "internal/questionnaire", "internal/id", "questionnaires"}},

	{pkg: "internal/layers"},
	{pkg: "cmd/vcready", wires: true},
}

// prometheusSQL lets web reach database/sql through the Prometheus collectors package,
// and only through it: that package imports database/sql for its DBStats collector, which
// web does not use (it registers the Go and process collectors). The prometheus
// package's own NewGoCollector and NewProcessCollector would avoid the import but are
// deprecated in favour of these.
var prometheusSQL = exemption{
	forbidden: "database/sql",
	via:       "github.com/prometheus/client_golang/prometheus/collectors",
	why:       "the collectors package's DBStats collector, unused by web",
}

// excelizeHTTP lets report reach net/http (and net beneath it) through excelize, the
// XLSX writer, and only through it: excelize calls http.DetectContentType to sniff a
// sheet background image, which report never sets. Nothing in report opens a
// connection.
var excelizeHTTP = []exemption{
	{forbidden: "net/http", via: "github.com/xuri/excelize/v2", why: "excelize sniffs background images with http.DetectContentType"},
	{forbidden: "net", via: "github.com/xuri/excelize/v2", why: "beneath net/http, as above"},
}

// icalHTTP lets report reach net/http (and net beneath it) through golang-ical, the
// iCalendar writer, and only through it: the library's ParseCalendarFromUrl fetches a
// calendar over HTTP, which report never calls (it only writes calendars).
var icalHTTP = []exemption{
	{forbidden: "net/http", via: "github.com/arran4/golang-ical", why: "golang-ical's ParseCalendarFromUrl, unused by report"},
	{forbidden: "net", via: "github.com/arran4/golang-ical", why: "beneath net/http, as above"},
}
