package auth

// The access policy: every "may this user see or do this" question in vcready is
// answered here and nowhere else. Services turn a false from a Can...See method into
// a not-found error (a resource of another organisation is never "forbidden", so ids
// cannot be probed) and a false from a Can...Do method, on something the user may see,
// into a forbidden error.

// IsAdmin reports whether p runs the service.
func (p *Principal) IsAdmin() bool { return p != nil && p.Role == RoleAdmin }

// LeadOf reports whether p leads organisation org.
func (p *Principal) LeadOf(org string) bool {
	return p != nil && p.Role == RoleLead && org != "" && p.OrganisationID == org
}

// MemberOf reports whether p is a member of team.
func (p *Principal) MemberOf(team string) bool {
	return p != nil && p.Role == RoleMember && team != "" && p.TeamID == team
}

// CanSeeOrganisation: admins, and the organisation's leads and members.
func (p *Principal) CanSeeOrganisation(org string) bool {
	return p.IsAdmin() || (p != nil && org != "" && p.OrganisationID == org)
}

// CanManageOrganisation (create and edit teams, invite, remove members, see every
// team's results): admins and the organisation's leads.
func (p *Principal) CanManageOrganisation(org string) bool {
	return p.IsAdmin() || p.LeadOf(org)
}

// CanSeeTeam: admins, the organisation's leads, and the team's members.
func (p *Principal) CanSeeTeam(org, team string) bool {
	return p.CanManageOrganisation(org) || p.MemberOf(team)
}

// CanWorkOnTeam (start assessments, answer, submit, update actions): the same people
// as CanSeeTeam. Kept separate so the two can diverge (for example read-only
// observers) without hunting through handlers.
func (p *Principal) CanWorkOnTeam(org, team string) bool {
	return p.CanSeeTeam(org, team)
}

// CanEditPlan (set an action's owner, due date, status and notes): the people who
// work on the team. A submitted assessment never changes; its action plan does.
func (p *Principal) CanEditPlan(org, team string) bool {
	return p.CanWorkOnTeam(org, team)
}

// CanCreateOrganisation: admins only.
func (p *Principal) CanCreateOrganisation() bool { return p.IsAdmin() }

// CanCreateUser reports whether p may create a user with role in org (and team):
// admins anyone; leads members and co-leads of their own organisation.
func (p *Principal) CanCreateUser(role Role, org string) bool {
	switch {
	case p.IsAdmin():
		return true
	case p.LeadOf(org):
		return role == RoleMember || role == RoleLead
	}
	return false
}

// CanReadAudit: admins only.
func (p *Principal) CanReadAudit() bool { return p.IsAdmin() }

// CanManageBackups (make, list and download copies of the whole database): admins
// only, since a backup holds every organisation's data.
func (p *Principal) CanManageBackups() bool { return p.IsAdmin() }

// CanAdminister (the admin pages: every organisation, the audit log): admins only.
func (p *Principal) CanAdminister() bool { return p.IsAdmin() }

// CanSeeUser reports whether p may see the account of user id in organisation org:
// themselves, admins, and the organisation's leads. Others are told it does not exist.
func (p *Principal) CanSeeUser(id, org string) bool {
	return p != nil && (p.UserID == id || p.IsAdmin() || p.LeadOf(org))
}

// CanListUsers reports whether p may list the people of organisation org ("" lists
// the admins): admins, and the organisation's leads.
func (p *Principal) CanListUsers(org string) bool {
	if org == "" {
		return p.IsAdmin()
	}
	return p.CanManageOrganisation(org)
}

// CanRemoveUser reports whether p may remove a user with role from organisation org:
// admins anyone; leads members and co-leads of their own organisation. Nobody removes
// themselves (checked separately, with its own message), so the last admin stays.
func (p *Principal) CanRemoveUser(role Role, org string) bool {
	return p.IsAdmin() || (p.LeadOf(org) && role != RoleAdmin)
}

// CanChangeRole: admins only (and not their own, checked separately).
func (p *Principal) CanChangeRole() bool { return p.IsAdmin() }

// CanRenameOrganisation: admins only; an organisation's name is how admins and other
// organisations know it.
func (p *Principal) CanRenameOrganisation() bool { return p.IsAdmin() }
