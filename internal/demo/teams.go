package demo

// organisationSpec is one demo organisation: its name, its accounts and its teams.
type organisationSpec struct {
	name   string
	lead   account
	member account // none when email is ""; the member joins the first team
	seed   uint64  // each organisation has its own random stream, so adding one changes no other
	teams  []teamSpec
}

type account struct{ email, name string }

type teamSpec struct{ name, setting, specialty, nation string }

// organisations are the demo organisations, in the order they are created. The first
// is the one earlier versions seeded (with its first 14 teams); a database that has
// only it gets the second added.
//
// Across both, every setting and nation is used, most by enough teams (6 or more) that
// each team has a benchmark cohort of 5 or more others, and the setting "other" and the
// nation "other" by three teams only, so suppressed cohorts show too.
var organisations = []organisationSpec{
	{
		name:   OrganisationName,
		lead:   account{LeadEmail, "Demo Lead"},
		member: account{MemberEmail, "Demo Member"},
		seed:   7,
		teams: []teamSpec{
			{"Physiotherapy outpatients", "secondary_care", "physiotherapy", "england"},
			{"Riverside GP practice", "primary_care", "general_practice", "england"},
			{"Hillview Surgery", "primary_care", "general_practice", "scotland"},
			{"Community mental health team (North)", "mental_health", "mental_health", "england"},
			{"Children's diabetes service", "secondary_care", "paediatrics", "wales"},
			{"Dermatology clinic", "secondary_care", "dermatology", "england"},
			{"Heart failure nurses", "community", "cardiology", "northern_ireland"},
			{"Oncology follow-up", "secondary_care", "oncology", "england"},
			{"Pulmonary rehabilitation", "community", "respiratory", "scotland"},
			{"Community dietetics", "community", "dietetics", "wales"},
			{"Speech and language therapy", "community", "speech_and_language", "england"},
			{"Adult social care reviews", "social_care", "older_people", "england"},
			{"Memory clinic", "mental_health", "mental_health", "scotland"},
			{"MSK physiotherapy (West)", "community", "physiotherapy", "wales"},
			{"Northshire Medical Centre", "primary_care", "general_practice", "england"},
			{"Castlegate Health Centre", "primary_care", "general_practice", "england"},
			{"Glenburn Practice", "primary_care", "general_practice", "scotland"},
			{"Bryn Road Surgery", "primary_care", "general_practice", "wales"},
			{"Community pharmacy team", "primary_care", "pharmacy", "england"},
			{"Renal outpatients", "secondary_care", "renal", "england"},
			{"Rheumatology clinic", "secondary_care", "rheumatology", "scotland"},
			{"Fracture clinic", "secondary_care", "orthopaedics", "england"},
			{"Antenatal clinic", "secondary_care", "maternity", "wales"},
			{"Neurology outpatients", "secondary_care", "neurology", "scotland"},
			{"Urology follow-up", "secondary_care", "urology", "england"},
			{"District nursing (East)", "community", "older_people", "england"},
			{"Community podiatry", "community", "podiatry", "scotland"},
			{"Children's community therapy", "community", "occupational_therapy", "wales"},
			{"Early intervention in psychosis", "mental_health", "mental_health", "england"},
			{"Child and adolescent mental health", "mental_health", "mental_health", "wales"},
			{"Reablement team", "social_care", "older_people", "scotland"},
			{"Learning disability support", "social_care", "learning_disabilities", "england"},
			{"Prison healthcare", "other", "general_practice", "england"},
			{"Hospice at home", "other", "other", "scotland"},
		},
	},
	{
		name: Organisation2Name,
		lead: account{Lead2Email, "Demo Lead (Southdale)"},
		seed: 11,
		teams: []teamSpec{
			{"Southdale Family Practice", "primary_care", "general_practice", "northern_ireland"},
			{"Lough View Surgery", "primary_care", "general_practice", "northern_ireland"},
			{"Harbour Street Medical Practice", "primary_care", "general_practice", "ireland"},
			{"Riverbank Primary Care Centre", "primary_care", "general_practice", "ireland"},
			{"Millbrook GP practice", "primary_care", "general_practice", "england"},
			{"Island GP service", "primary_care", "general_practice", "other"},
			{"Community pharmacy (South)", "primary_care", "pharmacy", "wales"},
			{"Audiology clinic", "secondary_care", "audiology", "northern_ireland"},
			{"Gastroenterology follow-up", "secondary_care", "gastroenterology", "ireland"},
			{"Diabetes outpatients", "secondary_care", "diabetes", "england"},
			{"Pain management clinic", "secondary_care", "pain_management", "northern_ireland"},
			{"Paediatric outpatients", "secondary_care", "paediatrics", "ireland"},
			{"Respiratory outpatients", "secondary_care", "respiratory", "scotland"},
			{"Community respiratory team", "community", "respiratory", "northern_ireland"},
			{"Community physiotherapy (South)", "community", "physiotherapy", "ireland"},
			{"Diabetes specialist nurses", "community", "diabetes", "wales"},
			{"Community occupational therapy", "community", "occupational_therapy", "england"},
			{"Island community nursing", "community", "older_people", "other"},
			{"Community speech and language therapy", "community", "speech_and_language", "scotland"},
			{"Adult mental health outpatients", "mental_health", "mental_health", "northern_ireland"},
			{"Perinatal mental health", "mental_health", "mental_health", "ireland"},
			{"Older adults' mental health", "mental_health", "mental_health", "england"},
			{"Talking therapies", "mental_health", "mental_health", "wales"},
			{"Crisis and home treatment", "mental_health", "mental_health", "ireland"},
			{"Home care reviews", "social_care", "older_people", "northern_ireland"},
			{"Carers' support service", "social_care", "other", "ireland"},
			{"Learning disability day services", "social_care", "learning_disabilities", "england"},
			{"Sensory support service", "social_care", "audiology", "scotland"},
			{"Island social work team", "social_care", "older_people", "other"},
			{"University student health service", "other", "general_practice", "northern_ireland"},
		},
	},
}
