package auth_test

import (
	"context"
	"testing"

	"vcready/internal/auth"
)

func TestContextCarriesTheSignedInUser(t *testing.T) {
	t.Parallel()
	if p := auth.FromContext(context.Background()); p != nil {
		t.Fatalf("anonymous context has principal %+v", p)
	}
	if _, ok := auth.UserFromContext(context.Background()); ok {
		t.Fatal("anonymous context has a user")
	}
	u := auth.User{ID: "u1", Email: "lead@example.org", Role: auth.RoleLead, OrganisationID: "o1"}
	ctx := auth.NewContext(context.Background(), u)
	p := auth.FromContext(ctx)
	if p == nil || p.UserID != "u1" || p.Role != auth.RoleLead || !p.LeadOf("o1") {
		t.Fatalf("principal = %+v", p)
	}
	if p != auth.FromContext(ctx) {
		t.Error("each call made a new principal; handlers should share one per request")
	}
	if got, ok := auth.UserFromContext(ctx); !ok || got.Email != u.Email {
		t.Errorf("user = %+v, %v", got, ok)
	}
}
