// Package auth is who may do what in vcready: users and their roles, password
// hashing, browser sessions, API tokens, invitations, first-run set-up, rate limits,
// the audit log, and the one access policy every service consults.
package auth

// Role is what a user may do.
type Role string

// Roles.
const (
	// RoleAdmin runs the service: every organisation, user and setting.
	RoleAdmin Role = "admin"
	// RoleLead leads one organisation: its teams, members, results and comparison.
	RoleLead Role = "lead"
	// RoleMember belongs to one team and works on its assessments.
	RoleMember Role = "member"
)

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return r == RoleAdmin || r == RoleLead || r == RoleMember }

// Principal is the signed-in user a request acts for. Services take it as their first
// argument after the context and decide access with the methods in policy.go.
type Principal struct {
	UserID         string
	Email          string
	Role           Role
	OrganisationID string // empty for admins
	TeamID         string // members only
}
