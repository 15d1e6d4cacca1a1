package actor

// gazEntry is one canonical group of the built-in list of group nouns.
// Forms are "|"-separated; a form prefixed with "=" matches with exact case
// (acronyms), any other in any case. States, organisations and places come
// from WordNet's names (lexicon.Names), and from what a text itself says
// (find.go, names.go).
type gazEntry struct {
	name  string
	kind  string
	forms string
}

// groups: generic collective actors. Forms match in any case.
var groups = []gazEntry{
	{"migrants", "", "migrants|migrant workers|labour migrants|labor migrants|economic migrants|irregular migrants|undocumented migrants"},
	{"refugees", "", "refugees"},
	{"asylum seekers", "", "asylum seekers|asylum-seekers|asylum seeker|asylum-seeker"},
	{"IDPs", "", "=IDPs|=IDP|internally displaced persons|internally displaced people|internally displaced"},
	{"displaced persons", "", "displaced persons|displaced people|displaced populations|the displaced|the forcibly displaced"},
	{"stateless persons", "", "stateless persons|stateless people"},
	{"nation-states", "", "nation-states|nation-state|nation states"},
	{"member states", "", "member states|member state|member-states"},
	{"states", "", "states|sovereign states|receiving states|sending states|transit states|destination states"},
	{"NGOs", "", "NGOs|NGO|non-governmental organizations|non-governmental organisations|nongovernmental organizations|non-governmental organization|non-governmental organisation"},
	{"international organizations", "", "international organizations|international organisations|international agencies|intergovernmental organizations|intergovernmental organisations|=IOs"},
	{"donors", "", "donors|donor countries|donor states|donor governments"},
	{"returnees", "", "returnees"},
	{"victims of trafficking", "", "victims of trafficking|victims of human trafficking|trafficking victims|trafficked persons|trafficked people"},
	{"smugglers", "", "smugglers|migrant smugglers|people smugglers|human smugglers"},
	{"traffickers", "", "traffickers|human traffickers"},
	{"policy makers", "", "policy makers|policymakers|policy-makers"},
	{"think tanks", "", "think tanks|think-tanks"},
	{"civil society", "", "civil society|civil society organizations|civil society organisations|civil-society organizations"},
}

// stateNouns follow a demonym to name the state itself: "the Mauritanian state".
var stateNouns = map[string]bool{
	"state": true, "government": true, "authorities": true, "regime": true, "police": true,
	"army": true, "coast": true, "ministry": true, "officials": true, "navy": true, "military": true,
	"border": true, "administration": true,
}

// kindPlace marks the forms of places, which are no actors: a place's
// words are not read as a person or an organisation either.
const kindPlace = "place"
