package auth

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"vcready/internal/apperr"
	"vcready/internal/id"
)

// User is a person who can sign in to vcready.
type User struct {
	ID             string
	Email          string // lower-case
	Name           string
	Role           Role
	OrganisationID string // empty for admins
	TeamID         string // members only
	CreatedAt      time.Time
}

// Principal is the user as the actor of a request.
func (u User) Principal() *Principal {
	return &Principal{UserID: u.ID, Email: u.Email, Role: u.Role, OrganisationID: u.OrganisationID, TeamID: u.TeamID}
}

// NewUser is what CreateUser needs. Admins have no organisation or team; a lead needs
// an organisation; a member needs a team, whose organisation they join.
type NewUser struct {
	Email          string
	Name           string
	Password       string
	Role           Role
	OrganisationID string
	TeamID         string
}

// maxNameLength bounds a user's name, in characters.
const maxNameLength = 200

// CreateUser creates an account for p: admins create anyone, leads create members and
// co-leads in their own organisation. Every problem with the email, name and
// password is reported at once as an apperr.ValidationError.
func (s *Service) CreateUser(ctx context.Context, p *Principal, in NewUser) (User, error) {
	if p == nil {
		return User{}, apperr.ErrUnauthenticated
	}
	org, team, err := s.placement(ctx, p, in.Role, in.OrganisationID, in.TeamID)
	if err != nil {
		return User{}, err
	}
	if err := s.mayCreate(p, in.Role, org); err != nil {
		return User{}, err
	}
	a, err := s.newAccount(ctx, in.Email, in.Name, in.Password, false)
	if err != nil {
		return User{}, err
	}
	a.Role, a.OrganisationID, a.TeamID = in.Role, org, team
	if err := s.st.CreateUser(ctx, a); err != nil {
		return User{}, emailTakenAsInvalid(fmt.Errorf("create user: %w", err))
	}
	e := actorEvent(p, ActionUserCreated)
	e.Target, e.OrganisationID, e.Detail = a.ID, org, fmt.Sprintf("%s as %s", a.Email, a.Role)
	s.record(ctx, e)
	return a.User, nil
}

func (s *Service) mayCreate(p *Principal, role Role, org string) error {
	switch {
	case p.CanCreateUser(role, org):
		return nil
	case role == RoleAdmin || p.CanSeeOrganisation(org):
		return apperr.Forbidden("You cannot add this user")
	}
	return apperr.NotFound("organisation")
}

// newAccount validates the parts of a new account a person typed and hashes the
// password. Every problem is reported at once.
func (s *Service) newAccount(ctx context.Context, rawEmail, name, password string, nameRequired bool) (Account, error) {
	email, problems, err := s.newAccountEmail(ctx, rawEmail)
	if err != nil {
		return Account{}, err
	}
	name = strings.TrimSpace(name)
	if nameRequired && name == "" {
		problems = append(problems, apperr.FieldProblem{Field: "name", Problem: "Enter your full name"})
	} else if utf8.RuneCountInString(name) > maxNameLength {
		problems = append(problems, apperr.FieldProblem{Field: "name", Problem: "Name must be 200 characters or fewer"})
	}
	if problem := passwordProblem(password, cmp.Or(email, rawEmail)); problem != "" {
		problems = append(problems, apperr.FieldProblem{Field: "password", Problem: problem})
	}
	if len(problems) > 0 {
		return Account{}, apperr.Invalid(problems[0].Problem, problems...)
	}
	hash, err := HashPassword(password)
	if err != nil {
		return Account{}, err
	}
	u := User{ID: id.New(), Email: email, Name: name, CreatedAt: s.now()}
	return Account{User: u, PasswordHash: hash}, nil
}

// newAccountEmail normalises the email of a new account and reports, as field
// problems, an invalid address or one that already has an account.
func (s *Service) newAccountEmail(ctx context.Context, raw string) (string, []apperr.FieldProblem, error) {
	email, err := NormaliseEmail(raw)
	var ve *apperr.ValidationError
	if errors.As(err, &ve) {
		return "", ve.Problems, nil
	}
	taken, err := s.emailTaken(ctx, email)
	switch {
	case err != nil:
		return "", nil, err
	case taken:
		return email, []apperr.FieldProblem{emailTakenProblem}, nil
	}
	return email, nil, nil
}

var emailTakenProblem = apperr.FieldProblem{Field: "email", Problem: "An account with this email address already exists"}

func (s *Service) emailTaken(ctx context.Context, email string) (bool, error) {
	_, err := s.st.AccountByEmail(ctx, email)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, apperr.ErrNotFound):
		return false, nil
	}
	return false, fmt.Errorf("look up email: %w", err)
}

// emailTakenAsInvalid turns the store's ErrEmailTaken (a concurrent sign-up won the
// race past emailTaken) into the same validation error the check gives.
func emailTakenAsInvalid(err error) error {
	if errors.Is(err, ErrEmailTaken) {
		return apperr.Invalid(emailTakenProblem.Problem, emailTakenProblem)
	}
	return err
}

// placement checks that role, organisation and team fit together and exist, and
// returns the organisation and team the user will have. A member joins their team's
// organisation. An organisation or team p may not see is not found, so ids of other
// organisations cannot be probed.
func (s *Service) placement(ctx context.Context, p *Principal, role Role, org, team string) (string, string, error) {
	switch role {
	case RoleAdmin:
		if org != "" || team != "" {
			return "", "", invalid("role", "An admin does not belong to an organisation or team")
		}
		return "", "", nil
	case RoleLead:
		if team != "" {
			return "", "", invalid("team_id", "A lead does not belong to a team")
		}
		return s.leadPlacement(ctx, p, org)
	case RoleMember:
		return s.memberPlacement(ctx, p, org, team)
	}
	return "", "", invalid("role", "Choose admin, lead or member")
}

func (s *Service) leadPlacement(ctx context.Context, p *Principal, org string) (string, string, error) {
	if org == "" {
		return "", "", invalid("organisation_id", "Choose an organisation")
	}
	if err := s.checkOrganisation(ctx, p, org); err != nil {
		return "", "", err
	}
	return org, "", nil
}

// checkOrganisation returns a not-found error unless org exists and p may see it.
func (s *Service) checkOrganisation(ctx context.Context, p *Principal, org string) error {
	if !p.CanSeeOrganisation(org) {
		return apperr.NotFound("organisation")
	}
	ok, err := s.st.OrganisationExists(ctx, org)
	if err != nil {
		return fmt.Errorf("look up organisation: %w", err)
	}
	if !ok {
		return apperr.NotFound("organisation")
	}
	return nil
}

func (s *Service) memberPlacement(ctx context.Context, p *Principal, org, team string) (string, string, error) {
	if team == "" {
		return "", "", invalid("team_id", "Choose a team")
	}
	teamOrg, err := s.st.TeamOrganisation(ctx, team)
	if errors.Is(err, apperr.ErrNotFound) || (err == nil && !p.CanSeeOrganisation(teamOrg)) {
		return "", "", apperr.NotFound("team")
	}
	if err != nil {
		return "", "", fmt.Errorf("look up team: %w", err)
	}
	if org != "" && org != teamOrg {
		return "", "", invalid("team_id", "Choose a team of the organisation")
	}
	return teamOrg, team, nil
}

func invalid(field, problem string) error {
	return apperr.Invalid(problem, apperr.FieldProblem{Field: field, Problem: problem})
}

// GetUser returns a user that p may see: themselves, anyone for an admin, and the
// users of their organisation for a lead.
func (s *Service) GetUser(ctx context.Context, p *Principal, userID string) (User, error) {
	a, err := s.visibleAccount(ctx, p, userID)
	return a.User, err
}

func (s *Service) visibleAccount(ctx context.Context, p *Principal, userID string) (Account, error) {
	if p == nil {
		return Account{}, apperr.ErrUnauthenticated
	}
	a, err := s.st.Account(ctx, userID)
	if err != nil {
		return Account{}, fmt.Errorf("user %s: %w", userID, err)
	}
	if !p.CanSeeUser(a.ID, a.OrganisationID) {
		return Account{}, apperr.NotFound("user")
	}
	return a, nil
}

// ListUsers lists an organisation's leads and members by email, for its leads and
// admins. organisationID "" lists the admins, for admins.
func (s *Service) ListUsers(ctx context.Context, p *Principal, organisationID string) ([]User, error) {
	if err := s.mayListUsers(ctx, p, organisationID); err != nil {
		return nil, err
	}
	users, err := s.st.Users(ctx, organisationID)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	return users, nil
}

func (s *Service) mayListUsers(ctx context.Context, p *Principal, org string) error {
	switch {
	case p == nil:
		return apperr.ErrUnauthenticated
	case org != "":
		return s.mayManage(ctx, p, org)
	case !p.CanListUsers(""):
		return apperr.Forbidden("Only admins can list admins")
	}
	return nil
}
