package actor

import "github.com/argmap/argmap/internal/argmap"

// gazEntry is one canonical actor of the built-in gazetteer. Forms are
// "|"-separated; a form prefixed with "=" matches with exact case (acronyms),
// one prefixed with "~" in any case (common nouns), any other form only when
// its words are capitalised (or the whole form is in capitals).
type gazEntry struct {
	name  string
	kind  string
	forms string
}

// organisations: international, migration, humanitarian and human-rights
// organisations. Canonical names follow common usage: the acronym when the
// organisation is usually known by it.
var organisations = []gazEntry{
	{"IOM", "", "=IOM|International Organization for Migration|International Organisation for Migration|~the migration agency|UN Migration|UN Migration Agency|United Nations Migration Agency|Internationale Organisation für Migration"},
	{"PICMME", "", "=PICMME|Provisional Intergovernmental Committee for the Movement of Migrants from Europe"},
	{"ICEM", "", "=ICEM|Intergovernmental Committee for European Migration"},
	{"UNHCR", "", "=UNHCR|United Nations High Commissioner for Refugees|UN High Commissioner for Refugees|U.N. High Commissioner for Refugees|Office of the United Nations High Commissioner for Refugees|UN Refugee Agency|UN refugee agency|U.N. refugee agency|United Nations Refugee Agency|UN Refugee Agency UNHCR"},
	{"UN", "", "=UN|=U.N.|United Nations|=UNO"},
	{"EU", "", "=EU|=E.U.|European Union"},
	{"Amnesty International", "", "Amnesty International|Amnesty"},
	{"Human Rights Watch", "", "Human Rights Watch|=HRW"},
	{"Frontex", "", "Frontex|=FRONTEX|European Border Agency|European Border and Coast Guard Agency|European Border and Coast Guard"},
	{"ILO", "", "=ILO|International Labour Organization|International Labor Organization|International Labour Organisation|International Labour Office"},
	{"ICMPD", "", "=ICMPD|International Centre for Migration Policy Development|International Center for Migration Policy Development"},
	{"EUTF", "", "=EUTF|EU Emergency Trust Fund for Africa|Emergency Trust Fund for Africa|European Union Emergency Trust Fund for Africa|EU Trust Fund for Africa"},
	{"OHCHR", "", "=OHCHR|Office of the High Commissioner for Human Rights|Office of the United Nations High Commissioner for Human Rights|UN Human Rights Office"},
	{"UNICEF", "", "=UNICEF|United Nations Children's Fund|United Nations Children’s Fund"},
	{"UNDP", "", "=UNDP|United Nations Development Programme"},
	{"UNRWA", "", "=UNRWA|United Nations Relief and Works Agency"},
	{"UNODC", "", "=UNODC|United Nations Office on Drugs and Crime"},
	{"OCHA", "", "=OCHA|UN OCHA|Office for the Coordination of Humanitarian Affairs"},
	{"WFP", "", "=WFP|World Food Programme|World Food Program"},
	{"World Health Organization", "", "World Health Organization|World Health Organisation"},
	{"UNESCO", "", "=UNESCO"},
	{"UNFPA", "", "=UNFPA|United Nations Population Fund"},
	{"UN General Assembly", "", "UN General Assembly|United Nations General Assembly|General Assembly"},
	{"UN Security Council", "", "UN Security Council|United Nations Security Council|Security Council"},
	{"UN Human Rights Council", "", "UN Human Rights Council|Human Rights Council"},
	{"World Bank", "", "World Bank"},
	{"IMF", "", "=IMF|International Monetary Fund"},
	{"OECD", "", "=OECD|Organisation for Economic Co-operation and Development|Organization for Economic Cooperation and Development"},
	{"OSCE", "", "=OSCE|Organization for Security and Co-operation in Europe"},
	{"Council of Europe", "", "Council of Europe"},
	{"European Commission", "", "European Commission"},
	{"European Parliament", "", "European Parliament"},
	{"European Council", "", "European Council"},
	{"African Union", "", "African Union|=AU"},
	{"ECOWAS", "", "=ECOWAS|Economic Community of West African States"},
	{"ASEAN", "", "=ASEAN|Association of Southeast Asian Nations"},
	{"NATO", "", "=NATO"},
	{"ICRC", "", "=ICRC|International Committee of the Red Cross"},
	{"IFRC", "", "=IFRC|International Federation of Red Cross and Red Crescent Societies"},
	{"Red Cross", "", "Red Cross|Red Crescent"},
	{"MSF", "", "=MSF|Médecins Sans Frontières|Medecins Sans Frontieres|Doctors Without Borders"},
	{"Oxfam", "", "Oxfam"},
	{"Save the Children", "", "Save the Children"},
	{"International Rescue Committee", "", "International Rescue Committee"},
	{"Norwegian Refugee Council", "", "Norwegian Refugee Council|=NRC"},
	{"Danish Refugee Council", "", "Danish Refugee Council"},
	{"Refugee Council", "", "Refugee Council"},
	{"Jesuit Refugee Service", "", "Jesuit Refugee Service|=JRS"},
	{"ECRE", "", "=ECRE|European Council on Refugees and Exiles"},
	{"PICUM", "", "=PICUM|Platform for International Cooperation on Undocumented Migrants"},
	{"Migreurop", "", "Migreurop"},
	{"Statewatch", "", "Statewatch"},
	{"Sea-Watch", "", "Sea-Watch|Sea Watch"},
	{"Alarm Phone", "", "Alarm Phone|Watch The Med Alarm Phone"},
	{"No Borders", "", "No Borders|No Border|Noborders"},
	{"IRIN", "", "=IRIN|IRIN News|The New Humanitarian"},
	{"Global Migration Group", "", "Global Migration Group|=GMG"},
	{"Global Forum on Migration and Development", "", "Global Forum on Migration and Development|=GFMD"},
	{"Mixed Migration Centre", "", "Mixed Migration Centre"},
	{"Migration Policy Institute", "", "Migration Policy Institute"},
	{"EUAA", "", "=EUAA|European Union Agency for Asylum|EU Agency for Asylum|=EASO|European Asylum Support Office"},
	{"Europol", "", "Europol"},
	{"International Criminal Court", "", "International Criminal Court"},
	{"European Court of Human Rights", "", "European Court of Human Rights|=ECtHR"},
	{"Taylor & Francis", "", "Taylor & Francis|Taylor and Francis"},
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

// states lists countries and other state actors. Regions ("Europe", "Global
// South") are deliberately absent: they are not actors.
var states = []gazEntry{
	{"United States", "", "United States|United States of America|=US|=U.S.|=USA|=U.S.A."},
	{"United Kingdom", "", "United Kingdom|=UK|=U.K.|Britain|Great Britain"},
	{"Northern Ireland", "", "Northern Ireland"}, {"England", "", "England"}, {"Scotland", "", "Scotland"}, {"Wales", "", "Wales"},
	{"Germany", "", "Germany"}, {"France", "", "France"}, {"Italy", "", "Italy"}, {"Spain", "", "Spain"},
	{"Greece", "", "Greece"}, {"Malta", "", "Malta"}, {"Cyprus", "", "Cyprus"}, {"Portugal", "", "Portugal"},
	{"Netherlands", "", "Netherlands|the Netherlands|Holland"}, {"Belgium", "", "Belgium"}, {"Luxembourg", "", "Luxembourg"},
	{"Switzerland", "", "Switzerland"}, {"Austria", "", "Austria"}, {"Denmark", "", "Denmark"}, {"Sweden", "", "Sweden"},
	{"Norway", "", "Norway"}, {"Finland", "", "Finland"}, {"Iceland", "", "Iceland"}, {"Ireland", "", "Ireland"},
	{"Poland", "", "Poland"}, {"Czech Republic", "", "Czech Republic|Czechia"}, {"Slovakia", "", "Slovakia"},
	{"Hungary", "", "Hungary"}, {"Romania", "", "Romania"}, {"Bulgaria", "", "Bulgaria"}, {"Croatia", "", "Croatia"},
	{"Slovenia", "", "Slovenia"}, {"Serbia", "", "Serbia"}, {"Bosnia and Herzegovina", "", "Bosnia and Herzegovina|Bosnia"},
	{"Montenegro", "", "Montenegro"}, {"North Macedonia", "", "North Macedonia|Macedonia"}, {"Albania", "", "Albania"},
	{"Kosovo", "", "Kosovo"}, {"Moldova", "", "Moldova"}, {"Ukraine", "", "Ukraine"}, {"Belarus", "", "Belarus"},
	{"Russia", "", "Russia|Russian Federation"}, {"Estonia", "", "Estonia"}, {"Latvia", "", "Latvia"}, {"Lithuania", "", "Lithuania"},
	{"Turkey", "", "Turkey|Türkiye"}, {"Georgia", "", "Georgia"}, {"Armenia", "", "Armenia"}, {"Azerbaijan", "", "Azerbaijan"},
	{"Kazakhstan", "", "Kazakhstan"}, {"Uzbekistan", "", "Uzbekistan"}, {"Tajikistan", "", "Tajikistan"},
	{"Kyrgyzstan", "", "Kyrgyzstan"}, {"Turkmenistan", "", "Turkmenistan"}, {"Afghanistan", "", "Afghanistan"},
	{"Pakistan", "", "Pakistan"}, {"India", "", "India"}, {"Bangladesh", "", "Bangladesh"}, {"Sri Lanka", "", "Sri Lanka"},
	{"Nepal", "", "Nepal"}, {"Myanmar", "", "Myanmar|Burma"}, {"Thailand", "", "Thailand"}, {"Malaysia", "", "Malaysia"},
	{"Indonesia", "", "Indonesia"}, {"Philippines", "", "Philippines|the Philippines"}, {"Vietnam", "", "Vietnam|Viet Nam"},
	{"Cambodia", "", "Cambodia"}, {"Laos", "", "Laos"}, {"China", "", "China|People's Republic of China"},
	{"Japan", "", "Japan"}, {"South Korea", "", "South Korea|Republic of Korea"}, {"North Korea", "", "North Korea"},
	{"Mongolia", "", "Mongolia"}, {"Australia", "", "Australia"}, {"New Zealand", "", "New Zealand"},
	{"Papua New Guinea", "", "Papua New Guinea"}, {"Nauru", "", "Nauru"}, {"Fiji", "", "Fiji"},
	{"Iran", "", "Iran"}, {"Iraq", "", "Iraq"}, {"Syria", "", "Syria"}, {"Lebanon", "", "Lebanon"}, {"Jordan", "", "Jordan"},
	{"Israel", "", "Israel"}, {"Palestine", "", "Palestine"}, {"Saudi Arabia", "", "Saudi Arabia"}, {"Yemen", "", "Yemen"},
	{"Oman", "", "Oman"}, {"United Arab Emirates", "", "United Arab Emirates|=UAE"}, {"Qatar", "", "Qatar"},
	{"Kuwait", "", "Kuwait"}, {"Bahrain", "", "Bahrain"}, {"Egypt", "", "Egypt"}, {"Libya", "", "Libya"},
	{"Tunisia", "", "Tunisia"}, {"Algeria", "", "Algeria"}, {"Morocco", "", "Morocco"}, {"Mauritania", "", "Mauritania"},
	{"Mali", "", "Mali"}, {"Niger", "", "Niger"}, {"Chad", "", "Chad"}, {"Sudan", "", "Sudan"}, {"South Sudan", "", "South Sudan"},
	{"Ethiopia", "", "Ethiopia"}, {"Eritrea", "", "Eritrea"}, {"Somalia", "", "Somalia"}, {"Djibouti", "", "Djibouti"},
	{"Kenya", "", "Kenya"}, {"Uganda", "", "Uganda"}, {"Tanzania", "", "Tanzania"}, {"Rwanda", "", "Rwanda"},
	{"Burundi", "", "Burundi"}, {"Democratic Republic of the Congo", "", "Democratic Republic of the Congo|Democratic Republic of Congo|=DRC"},
	{"Senegal", "", "Senegal"}, {"Gambia", "", "Gambia|The Gambia"}, {"Guinea", "", "Guinea"}, {"Sierra Leone", "", "Sierra Leone"},
	{"Liberia", "", "Liberia"}, {"Ivory Coast", "", "Ivory Coast|Côte d'Ivoire|Côte d’Ivoire|Cote d'Ivoire"},
	{"Ghana", "", "Ghana"}, {"Nigeria", "", "Nigeria"}, {"Cameroon", "", "Cameroon"}, {"Burkina Faso", "", "Burkina Faso"},
	{"Benin", "", "Benin"}, {"Togo", "", "Togo"}, {"South Africa", "", "South Africa"}, {"Zimbabwe", "", "Zimbabwe"},
	{"Zambia", "", "Zambia"}, {"Mozambique", "", "Mozambique"}, {"Malawi", "", "Malawi"}, {"Angola", "", "Angola"},
	{"Namibia", "", "Namibia"}, {"Botswana", "", "Botswana"}, {"Madagascar", "", "Madagascar"},
	{"Canada", "", "Canada"}, {"Mexico", "", "Mexico"}, {"Guatemala", "", "Guatemala"}, {"Honduras", "", "Honduras"},
	{"El Salvador", "", "El Salvador"}, {"Nicaragua", "", "Nicaragua"}, {"Costa Rica", "", "Costa Rica"},
	{"Panama", "", "Panama"}, {"Cuba", "", "Cuba"}, {"Haiti", "", "Haiti"}, {"Dominican Republic", "", "Dominican Republic"},
	{"Colombia", "", "Colombia"}, {"Venezuela", "", "Venezuela"}, {"Ecuador", "", "Ecuador"}, {"Peru", "", "Peru"},
	{"Bolivia", "", "Bolivia"}, {"Brazil", "", "Brazil"}, {"Chile", "", "Chile"}, {"Argentina", "", "Argentina"},
	{"Paraguay", "", "Paraguay"}, {"Uruguay", "", "Uruguay"},
}

// demonyms maps adjectives of nationality that do not follow the "-a" + "n"
// rule to their country. "Mauritanian state" is Mauritania.
var demonyms = map[string]string{
	"american": "United States", "british": "United Kingdom", "english": "England", "french": "France",
	"german": "Germany", "italian": "Italy", "spanish": "Spain", "greek": "Greece", "maltese": "Malta",
	"dutch": "Netherlands", "swiss": "Switzerland", "turkish": "Turkey", "moroccan": "Morocco",
	"libyan": "Libya", "tunisian": "Tunisia", "egyptian": "Egypt", "iraqi": "Iraq", "iranian": "Iran",
	"afghan": "Afghanistan", "pakistani": "Pakistan", "chinese": "China", "japanese": "Japan",
	"senegalese": "Senegal", "sudanese": "Sudan", "nigerien": "Niger", "malian": "Mali", "chadian": "Chad",
	"haitian": "Haiti", "mexican": "Mexico", "canadian": "Canada", "israeli": "Israel", "lebanese": "Lebanon",
	"jordanian": "Jordan", "yemeni": "Yemen", "somali": "Somalia", "eritrean": "Eritrea", "danish": "Denmark",
	"swedish": "Sweden", "norwegian": "Norway", "finnish": "Finland", "irish": "Ireland", "polish": "Poland",
	"hungarian": "Hungary", "portuguese": "Portugal", "belgian": "Belgium", "austrian": "Austria",
	"russian": "Russia", "ukrainian": "Ukraine", "bangladeshi": "Bangladesh", "thai": "Thailand",
	"vietnamese": "Vietnam", "filipino": "Philippines", "congolese": "Democratic Republic of the Congo",
	"ghanaian": "Ghana", "ivorian": "Ivory Coast", "guinean": "Guinea", "gambian": "Gambia", "burmese": "Myanmar",
}

// stateNouns follow a demonym to name the state itself: "the Mauritanian state".
var stateNouns = map[string]bool{
	"state": true, "government": true, "authorities": true, "regime": true, "police": true,
	"army": true, "coast": true, "ministry": true, "officials": true, "navy": true, "military": true,
	"border": true, "administration": true,
}

// kinds of the gazetteer tables.
var gazetteer = []struct {
	kind    string
	entries []gazEntry
}{
	{argmap.ActorOrganisation, organisations},
	{argmap.ActorGroup, groups},
	{argmap.ActorState, states},
}
