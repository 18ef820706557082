package auth

import "testing"

func TestPolicy(t *testing.T) {
	t.Parallel()
	admin := &Principal{UserID: "a", Role: RoleAdmin}
	lead := &Principal{UserID: "l", Role: RoleLead, OrganisationID: "org1"}
	otherLead := &Principal{UserID: "l2", Role: RoleLead, OrganisationID: "org2"}
	member := &Principal{UserID: "m", Role: RoleMember, OrganisationID: "org1", TeamID: "team1"}
	otherMember := &Principal{UserID: "m2", Role: RoleMember, OrganisationID: "org1", TeamID: "team2"}
	var anon *Principal

	type check struct {
		name string
		fn   func(p *Principal) bool
		want map[*Principal]bool
	}
	all := []*Principal{admin, lead, otherLead, member, otherMember, anon}
	checks := []check{
		{"see org1", func(p *Principal) bool { return p.CanSeeOrganisation("org1") },
			map[*Principal]bool{admin: true, lead: true, member: true, otherMember: true}},
		{"manage org1", func(p *Principal) bool { return p.CanManageOrganisation("org1") },
			map[*Principal]bool{admin: true, lead: true}},
		{"see team1", func(p *Principal) bool { return p.CanSeeTeam("org1", "team1") },
			map[*Principal]bool{admin: true, lead: true, member: true}},
		{"work on team1", func(p *Principal) bool { return p.CanWorkOnTeam("org1", "team1") },
			map[*Principal]bool{admin: true, lead: true, member: true}},
		{"edit team1's plan", func(p *Principal) bool { return p.CanEditPlan("org1", "team1") },
			map[*Principal]bool{admin: true, lead: true, member: true}},
		{"create org", func(p *Principal) bool { return p.CanCreateOrganisation() },
			map[*Principal]bool{admin: true}},
		{"create admin in org1", func(p *Principal) bool { return p.CanCreateUser(RoleAdmin, "org1") },
			map[*Principal]bool{admin: true}},
		{"create member in org1", func(p *Principal) bool { return p.CanCreateUser(RoleMember, "org1") },
			map[*Principal]bool{admin: true, lead: true}},
		{"see empty org id", func(p *Principal) bool { return p.CanSeeOrganisation("") },
			map[*Principal]bool{admin: true}},
		{"administer", func(p *Principal) bool { return p.CanAdminister() },
			map[*Principal]bool{admin: true}},
		{"read audit", func(p *Principal) bool { return p.CanReadAudit() },
			map[*Principal]bool{admin: true}},
		{"manage backups", func(p *Principal) bool { return p.CanManageBackups() },
			map[*Principal]bool{admin: true}},
		{"see member m", func(p *Principal) bool { return p.CanSeeUser("m", "org1") },
			map[*Principal]bool{admin: true, lead: true, member: true}},
		{"list org1 people", func(p *Principal) bool { return p.CanListUsers("org1") },
			map[*Principal]bool{admin: true, lead: true}},
		{"list admins", func(p *Principal) bool { return p.CanListUsers("") },
			map[*Principal]bool{admin: true}},
		{"remove a member of org1", func(p *Principal) bool { return p.CanRemoveUser(RoleMember, "org1") },
			map[*Principal]bool{admin: true, lead: true}},
		{"remove an admin", func(p *Principal) bool { return p.CanRemoveUser(RoleAdmin, "org1") },
			map[*Principal]bool{admin: true}},
		{"change a role", func(p *Principal) bool { return p.CanChangeRole() },
			map[*Principal]bool{admin: true}},
		{"rename an organisation", func(p *Principal) bool { return p.CanRenameOrganisation() },
			map[*Principal]bool{admin: true}},
	}
	names := map[*Principal]string{admin: "admin", lead: "lead", otherLead: "other lead", member: "member", otherMember: "other member", anon: "anonymous"}
	for _, c := range checks {
		for _, p := range all {
			if got := c.fn(p); got != c.want[p] {
				t.Errorf("%s as %s = %v, want %v", c.name, names[p], got, c.want[p])
			}
		}
	}
}
