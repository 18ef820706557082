package web

import (
	"net/url"
	"testing"

	"vcready/internal/auth"
	"vcready/internal/web/webtest"
)

func TestOrganisationSettingsPage(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	path := "/organisations/" + app.Org1.ID + "/settings"
	lead := app.Browser("lead")
	// New organisations share (on) and do not publish (off).
	webtest.AssertPage(t, lead.Get(path), 200, "Organisation settings",
		`name="share" type="checkbox" value="yes" checked`, `name="publish" type="checkbox" value="yes" aria-describedby`,
		"Other organisations would see:", "Never a team's name")
	// Untick sharing, tick publishing: unticked boxes send nothing.
	loc := webtest.AssertRedirect(t, lead.Submit(path, path, url.Values{"publish": {"yes"}}), path+"?notice=settings-saved")
	webtest.AssertPage(t, lead.Get(loc), 200, "Settings saved", `name="share" type="checkbox" value="yes" aria-describedby`,
		`name="publish" type="checkbox" value="yes" checked`)
	org, err := app.Assessments.GetOrganisation(t.Context(), auth.System, app.Org1.ID)
	if err != nil || org.ShareWithOtherOrganisations || !org.PublishOpenData {
		t.Fatalf("after saving: %+v %v, want share off and publish on", org, err)
	}
	// A value no checkbox sends is refused with the error summary; nothing changes.
	rec := lead.Submit(path, path, url.Values{"share": {"maybe"}, "publish": {"yes"}})
	body := webtest.AssertPage(t, rec, 422, `href="#share"`, `id="share-error"`)
	if !webtest.ErrorSummaryHas(body, "Select the box or leave it empty") {
		t.Errorf("no error summary: %.1500s", body)
	}
	if org, _ := app.Assessments.GetOrganisation(t.Context(), auth.System, app.Org1.ID); org.ShareWithOtherOrganisations {
		t.Error("a refused form changed the settings")
	}
}

func TestOrganisationSettingsForgedCSRFIsRefused(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	path := "/organisations/" + app.Org1.ID + "/settings"
	lead := app.Browser("lead")
	lead.Get(path)
	lead.ForgeCSRF("forged")
	webtest.AssertPage(t, lead.Post(path, url.Values{"publish": {"yes"}}), 403, "This form has expired")
	if org, _ := app.Assessments.GetOrganisation(t.Context(), auth.System, app.Org1.ID); org.PublishOpenData || !org.ShareWithOtherOrganisations {
		t.Errorf("a forged form changed the settings: %+v", org)
	}
}

func TestOrganisationSettingsPageAccess(t *testing.T) {
	t.Parallel()
	app := newTestApp(t)
	path := "/organisations/" + app.Org1.ID + "/settings"
	for role, want := range map[string]int{"admin": 200, "lead": 200, "other-lead": 404, "member": 403, "other-member": 403, "anonymous": 303} {
		if rec := app.Page(role, path); rec.Code != want {
			t.Errorf("GET as %s: %d, want %d", role, rec.Code, want)
		}
	}
	for role, want := range map[string]int{"other-lead": 404, "member": 403} {
		b := app.Browser(role)
		b.Get("/")
		if rec := b.Post(path, url.Values{"publish": {"yes"}}); rec.Code != want {
			t.Errorf("POST as %s: %d, want %d", role, rec.Code, want)
		}
	}
	if org, _ := app.Assessments.GetOrganisation(t.Context(), auth.System, app.Org1.ID); org.PublishOpenData {
		t.Error("someone without access changed the settings")
	}
}
