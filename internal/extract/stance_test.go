package extract_test

import (
	"context"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

// TestAnyCaseIsNotAlways: "in any case" says "anyhow", so a claim opening
// with it meets a question's "always" no better than the same claim
// without it ("in every case" does: TestStancerJudge).
func TestAnyCaseIsNotAlways(t *testing.T) {
	s := extract.NewStancer()
	q := "The ferry always runs on Sundays"
	plain := s.Judge(q, "The ferry runs on Sundays.")
	anyhow := s.Judge(q, "In any case, the ferry runs on Sundays.")
	if anyhow.Score != plain.Score {
		t.Errorf("Judge(%q, \"In any case, …\").Score = %.2f, want %.2f as without \"in any case\"", q, anyhow.Score, plain.Score)
	}
}

func TestStancerJudge(t *testing.T) {
	s := extract.NewStancer()
	tests := []struct {
		question, claim string
		want            argmap.Stance
		asserter        string
	}{
		{"IOM enforces the exclusion of asylum seekers", "Our analysis finds that the IOM enforces the exclusions of people seeking asylum on behalf of states.", argmap.StanceSame, ""},
		// derivation: exclusion ~ exclude
		{"IOM enforces the exclusion of asylum seekers", "The agency says IOM enforces rules that exclude asylum seekers.", argmap.StanceSame, "agency"},
		// rejected views
		{"IOM enforces the exclusion of asylum seekers", "It is also wrong to say that IOM enforces the exclusion of asylum seekers.", argmap.StanceDenial, ""},
		{"IOM enforces the exclusion of asylum seekers", "It is not accurate to say that IOM simply enforces the exclusion of asylum seekers: it saves lives.", argmap.StanceDenial, ""},
		// the rejected view ends at a colon or semicolon: the reason after
		// it is the author's own
		{"Most of the trust's money goes to dredging", "It is wrong to say that the trust only taxes boat owners: most of its money goes to dredging.", argmap.StanceSame, ""},
		{"The trust only taxes boat owners", "It is wrong to say that the trust only taxes boat owners; most of its money goes to dredging.", argmap.StanceDenial, ""},
		{"IOM is an instrument of states", "In contrast to the tendency to portray IOM as an instrument of states, this chapter paints a complex picture.", argmap.StanceDenial, ""},
		{"IOM is an instrument of states", "Contrary to the view that IOM is an instrument of states, it has its own interests.", argmap.StanceDenial, ""},
		// a verdict of falsity that is itself negated upholds the view:
		// "it is not wrong to say that P" states P
		{"The night ferry is unreliable", "It is not wrong to say that the night ferry is unreliable.", argmap.StanceSame, ""},
		{"The night ferry is unreliable", "The idea that the night ferry is unreliable is not a myth.", argmap.StanceSame, ""},
		{"The night ferry is unreliable", "The idea that the night ferry is unreliable is a myth.", argmap.StanceDenial, ""},
		// a reporting verb's form after a determiner is a noun, not a
		// report of what follows: "have no say in" is a negated clause
		// of the question's own
		{"Tenants have no say in how the council spends the rent", "Tenants have a real say in how the council spends the rent.", argmap.StanceDenial, ""},
		{"Tenants have no say in how the council spends the rent", "Tenants are never asked how the council spends the rent.", argmap.StanceSame, ""},
		// a word the question says in its subject and again, negated, in
		// its predicate is matched at the predicate; a condition after
		// the predicate ("when ...") narrows the question and does not
		// vote on its polarity; a degree word after "not" is not what
		// the negation governs
		{"Open tenders are not really open when one bidder writes the rules", "Open tenders cannot be called open when a single bidder drafts the rules.", argmap.StanceSame, ""},
		{"Open tenders are not really open when one bidder writes the rules", "A tender can be open when only one bidder writes its rules, if the rules are published first.", argmap.StanceDenial, ""},
		{"Open tenders are not really open when one bidder writes the rules", "The council publishes every open tender on its website.", argmap.StanceTopic, ""},
		{"Ferry fares are not fair when islanders pay double", "Ferry fares are unfair to islanders who pay double.", argmap.StanceSame, ""},
		{"Ferry fares are not fair when islanders pay double", "Ferry fares are fair even though islanders pay double.", argmap.StanceDenial, ""},
		// joining ends being outside: it denies that the state holds now
		// or has always held, not what a question in the simple past says
		// held then
		{"For years the ferry company chose to stay outside the Harbour Union", "After years on its own, the ferry company joined the Harbour Union in 2019.", argmap.StanceSame, ""},
		{"The ferry company remained outside the Harbour Union until 2019", "The ferry company joined the Harbour Union in 2019.", argmap.StanceSame, ""},
		{"The ferry company has always stayed outside the Harbour Union", "After years on its own, the ferry company joined the Harbour Union in 2019.", argmap.StanceDenial, ""},
		{"The ferry company stays outside the Harbour Union", "The ferry company joined the Harbour Union in 2019.", argmap.StanceDenial, ""},
		// an adjective after a verb of result and its object says what
		// the object is made ("keeps the hull dry"): a claim that has it
		// only as a modifier of that object does not state it
		{"Fresh paint keeps the hull dry", "The yard sells fresh paint for dry hulls.", argmap.StanceTopic, ""},
		{"Fresh paint keeps the hull dry", "Fresh paint keeps a hull dry for years.", argmap.StanceSame, ""},
		{"Counselling makes return voluntary", "The agency runs a counselling desk for voluntary return.", argmap.StanceTopic, ""},
		{"Counselling makes return voluntary", "Counselling does not make return voluntary.", argmap.StanceDenial, ""},
		// negation scope: the relative clause's negation does not count
		{"IOM is an instrument of states", "IOM, which is not a UN body, is an instrument of states.", argmap.StanceSame, ""},
		{"IOM is an instrument of states", "IOM is not simply an instrument of its member states.", argmap.StanceDenial, ""},
		// ... nor that of a relative clause with two verb groups
		{"The union helps nurses to go home in safety", "The union helps nurses who cannot or do not wish to work abroad to go home in safety.", argmap.StanceSame, ""},
		{"The union helps nurses to go home in safety", "The union does not help nurses who wish to work abroad to go home.", argmap.StanceDenial, ""},
		// people named by their side in the subject ("critics",
		// "supporters") are who the question speaks of: a claim about
		// the other side's people does not state it, one about the same
		// side's, in a noun or a verb, does
		{"The mayor's critics engage closely with her arguments", "The mayor's supporters engage closely with her arguments.", argmap.StanceTopic, ""},
		{"The mayor's critics engage closely with her arguments", "The mayor's opponents engage closely with her arguments.", argmap.StanceSame, ""},
		{"Critics of the port plan live near the harbour", "Supporters of the port plan live near the harbour.", argmap.StanceTopic, ""},
		{"Critics of the port plan live near the harbour", "People who oppose the port plan live near the harbour.", argmap.StanceSame, ""},
		// a word of place is opposed only of the same place
		{"The tugboat does not work outside the harbour", "The tugboat first worked in the harbour to tow boats moored inside the breakwater.", argmap.StanceTopic, ""},
		{"The tugboat does not work outside the harbour", "The tugboat works only inside the harbour.", argmap.StanceSame, ""},
		{"The tugboat works outside the harbour", "The tugboat works inside the harbour.", argmap.StanceDenial, ""},
		// a clause of doubt puts the "whether" clause it governs in doubt,
		// before it or after it; a claim that takes a side in the dispute
		// neither states nor denies that there is one
		{"Whether the ferry fares are fair is disputed", "The fairness of the ferry fares is contested.", argmap.StanceSame, ""},
		{"It is disputed whether the ferry fares are fair", "The fairness of the ferry fares is contested.", argmap.StanceSame, ""},
		{"Whether the ferry fares are fair is disputed", "The ferry fares are fair.", argmap.StanceTopic, ""},
		{"Whether licensed dredging is really safe is disputed", "It is contested whether licensed dredging is really safe.", argmap.StanceSame, ""},
		// a predicative adjective derived from a side word takes its side,
		// and "be against" is to oppose
		{"Fishermen are critical of the new quotas", "Fishermen welcomed the new quotas.", argmap.StanceDenial, ""},
		{"Fishermen are critical of the new quotas", "Fishermen oppose the new quotas.", argmap.StanceSame, ""},
		{"Fishermen support the new quotas", "Fishermen are critical of the new quotas.", argmap.StanceDenial, ""},
		{"The mayor opposes the new port", "The mayor was supportive of the new port.", argmap.StanceDenial, ""},
		{"Fishermen support the new quotas", "Fishermen are against the new quotas.", argmap.StanceDenial, ""},
		{"The mayor opposes the new port", "The mayor is against the new port.", argmap.StanceSame, ""},
		// an adjective of absence after its noun, at the clause's end, is
		// what the clause says of it ("found the quay unsafe"), as after
		// a copula
		{"The quay is unsafe", "Inspectors found the quay unsafe.", argmap.StanceSame, ""},
		{"The quay is safe", "Inspectors found the quay unsafe.", argmap.StanceDenial, ""},
		// a question's relative clause of its subject that no auxiliary
		// ends stops at the main clause's verb, which is then what the
		// question says and what a claim's negation denies
		{"Those who repair the boats decide which routes get used", "The people who mend the boats choose the routes that are used.", argmap.StanceSame, ""},
		{"Most fishermen who sell to the cooperative later leave the trade", "Fishermen who sell to the cooperative rarely leave the trade.", argmap.StanceDenial, ""},
		{"Tenants who rent from the council pay lower rates", "Council tenants do not pay lower rates.", argmap.StanceDenial, ""},
		{"Volunteers who staff the shelters train new recruits", "Shelter volunteers train new recruits every spring.", argmap.StanceSame, ""},
		// (the bare verb after a causative's object is the relative
		// clause's: the claim says nothing of those who help)
		{"Doctors who help patients recover deserve more pay", "Doctors deserve more pay.", argmap.StanceTopic, ""},
		// "only for" and "only if" make a question conditional: a claim's
		// condition is matched with it, and "refuse to X unless C" says
		// "X only if C"
		{"The council should arrange evictions only for households that have had access to free legal advice", "The council should refuse to arrange evictions unless the household has had access to free legal advice.", argmap.StanceSame, ""},
		{"The council should arrange evictions only for households that have had access to free legal advice", "The council should arrange evictions even if the household has had no access to free legal advice.", argmap.StanceDenial, ""},
		{"The council should arrange evictions only for households that have had access to free legal advice", "The council should refuse to arrange evictions.", argmap.StanceTopic, ""},
		{"IOM is an instrument of states", "IOM is more than a tool of states.", argmap.StanceDenial, ""},
		// both negated: the same proposition
		{"IOM has no formal protection mandate", "The IOM does not have a formal protection mandate.", argmap.StanceSame, ""},
		// antonym
		{"Return from detention is voluntary", "Return from detention is involuntary.", argmap.StanceDenial, ""},
		// attribution
		{"Return from detention cannot be considered voluntary", "Critics say that return from detention cannot be considered voluntary.", argmap.StanceSame, "Critics"},
		{"Return from detention cannot be considered voluntary", "We disagree that return from detention cannot be considered voluntary.", argmap.StanceDenial, ""},
		// a copula other than "be" before a participle of doubt
		{"The tenancy scheme is fair", "The fairness of the tenancy scheme will stay contested until the council opens its files.", argmap.StanceDenial, ""},
		{"The fairness of the tenancy scheme is contested", "The fairness of the tenancy scheme will stay contested until the council opens its files.", argmap.StanceSame, ""},
		// topic only
		{"IOM enforces the exclusion of asylum seekers", "IOM has no formal protection mandate for asylum seekers.", argmap.StanceTopic, ""},
		{"IOM has no formal protection mandate", "IOM runs the Displacement Tracking Matrix.", argmap.StanceTopic, ""},
		// conditionals: the claim must state the consequent; negations of
		// the condition, the consequent and the link are counted
		{"Without a mandate the agency has no duties", "The agency has no mandate.", argmap.StanceTopic, ""},
		{"Without a mandate the agency has no duties", "Without a mandate, the agency has no duties at all.", argmap.StanceSame, ""},
		{"Without a mandate the agency has no duties", "If the agency has no mandate, it has no duties.", argmap.StanceSame, ""},
		{"Without a mandate the agency has no duties", "Lacking a mandate does not mean that the agency lacks duties.", argmap.StanceDenial, ""},
		{"If the fund is cut, the clinic closes", "The clinic will close if its fund is cut.", argmap.StanceSame, ""},
		{"If the fund is cut, the clinic closes", "The fund was cut last year.", argmap.StanceTopic, ""},
		// a nominal predicate must be covered: what the question says its
		// subject is
		{"IOM is an instrument of states", "IOM member states met in Geneva.", argmap.StanceTopic, ""},
		{"The agency is the main source of data on floods", "The agency is the main publisher of data on floods.", argmap.StanceTopic, ""},
		{"The agency is the main source of data on floods", "The agency has become the main source of flood data.", argmap.StanceSame, ""},
		// a question neither states nor denies: "does P?", a rhetorical
		// "doesn't P?"; the answer after it does
		{"IOM enforces the exclusion of asylum seekers", "Does IOM enforce the exclusion of asylum seekers?", argmap.StanceTopic, ""},
		{"IOM acts against the refugee convention", "Doesn't this collusion go against the refugee convention?", argmap.StanceTopic, ""},
		{"IOM enforces the exclusion of asylum seekers", "Does IOM enforce the exclusion of asylum seekers? Geographers say yes: IOM enforces the exclusion of asylum seekers.", argmap.StanceSame, "Geographers"},
		{"IOM enforces the exclusion of asylum seekers", `Her chapter "For whose benefit?" shows that IOM enforces the exclusion of asylum seekers.`, argmap.StanceSame, ""},
		// a "no" that opens a relative clause negates that clause only
		{"Humanitarian emergencies expose gaps that IOM fills", "Its growth came from emergencies that exposed gaps no other agency wanted to fill.", argmap.StanceSame, ""},
		{"The agency has no mandate", "The agency has no mandate that states wanted.", argmap.StanceSame, ""},
		// a narrower word (an emergency is a crisis) covers in part; a
		// broader one less
		{"Crises multiply", "Emergencies multiply.", argmap.StanceSame, ""},
		{"Emergencies multiply", "Crises multiply.", argmap.StanceTopic, ""},
		{"Humanitarian emergencies multiply", "Humanitarian crises multiply.", argmap.StanceSame, ""},
		{"Crises multiply", "Emergencies end.", argmap.StanceTopic, ""},
		// a predicate adjective the claim has only as a modifier of the
		// subject is not stated
		{"Return from the camps is voluntary", "They run voluntary return programmes from the camps.", argmap.StanceTopic, ""},
		{"Return from the camps is voluntary", "Return from the camps is voluntary for most.", argmap.StanceSame, ""},
		{"Assisted return is voluntary", "Assisted voluntary return schemes grew.", argmap.StanceTopic, ""},
		// "P is contested" says there is a dispute: a side taken in it
		// neither states nor denies that
		{"The voluntariness of the scheme is contested", "The scheme is genuinely voluntary.", argmap.StanceTopic, ""},
		{"The voluntariness of the scheme is contested", "The scheme is not voluntary.", argmap.StanceTopic, ""},
		{"The voluntariness of the scheme is contested", "The voluntariness of the scheme is questioned by many.", argmap.StanceSame, ""},
		// "under-X": X too little
		{"The agency has been studied surprisingly little", "The agency has been under-examined in the literature.", argmap.StanceSame, ""},
		// a predicate adjective is met as an adjective, not by a noun that
		// shares a sense with its spelling ("objective", "target")
		{"The figures are objective", "The figures serve the target of the ministry.", argmap.StanceTopic, ""},
		{"The figures are objective", "The figures are not objective.", argmap.StanceDenial, ""},
		// "under" + a verb's past participle in one word: too little
		{"The agency has been studied surprisingly little", "The agency remains strangely understudied.", argmap.StanceSame, ""},
		// a multiword verb or adverb WordNet lists is one term: next to
		// each other ("carry out") or around the verb's object ("take
		// the politics out"); the verb alone still meets it
		{"The council implemented the new rules", "The council carried out the new rules.", argmap.StanceSame, ""},
		{"The new law removes politics from the debate", "The new law takes the politics out of the debate.", argmap.StanceSame, ""},
		{"The ferry moved the workers out of the port", "The ferry moved the workers and their families out of the port.", argmap.StanceSame, ""},
		// "de-" + a verb WordNet knows, in a word it does not: removal
		{"Counting the losses depoliticises them", "Counting the losses takes the politics out of them.", argmap.StanceSame, ""},
		{"Counting the losses depoliticises them", "Counting the losses de-politicizes them.", argmap.StanceSame, ""},
		// an active verb of doubt puts its object in doubt, not its subject
		// or what the subject did before
		{"Tenants protested against the landlord's scheme", "Tenants protested against the landlord's scheme and publicly questioned its fairness.", argmap.StanceSame, ""},
		{"The scheme is fair", "Tenants publicly questioned the fairness of the scheme.", argmap.StanceDenial, ""},
		// two negations in one clause cancel
		{"The report has merit", "The report is not without merit.", argmap.StanceSame, ""},
		// an -ize word WordNet does not list stands for its stem
		{"Projects shape the budget", "The budget is projectized.", argmap.StanceSame, ""},
		// an opposite in a clause that says nothing else of the question
		// does not turn it round
		{"Patients in detention were moved to a clinic", "For patients held by the police, a move to the clinic was the only way out; refusing them would not have set them free.", argmap.StanceSame, ""},
		{"Patients in detention were moved to a clinic", "Free patients were moved to a clinic.", argmap.StanceDenial, ""},
		// coordinated negative verbs negate once
		{"The board funds the scheme", "The board refrains from or ceases funding the scheme.", argmap.StanceDenial, ""},
		{"The board funds the scheme", "The board neither pays for nor funds the scheme.", argmap.StanceDenial, ""},
		// a call to stop doing something takes for granted that it is
		// being done: a verb of stopping (WordNet: discontinue, terminate
		// and what they are hypernyms of) with an -ing complement after a
		// directive; reported as done, or with a verb that is no verb of
		// stopping, it negates as before
		{"The board funds the scheme", "The board should refrain from or immediately cease funding the scheme.", argmap.StanceSame, ""},
		{"The board funds the scheme", "Tenants urged the board to stop funding the scheme.", argmap.StanceSame, ""},
		{"The board funds the scheme", "The board must quit funding the scheme at once.", argmap.StanceSame, ""},
		{"The council dredges the channel", "We call on the council to discontinue dredging the channel.", argmap.StanceSame, ""},
		{"The board funds the scheme", "The board ceased funding the scheme last year.", argmap.StanceDenial, ""},
		{"The board funds the scheme", "The board no longer funds the scheme.", argmap.StanceDenial, ""},
		{"The board funds the scheme", "The board stopped funding the scheme last year.", argmap.StanceDenial, ""},
		{"The board funds the scheme", "The board stopped its payments and went on funding the scheme.", argmap.StanceSame, ""},
		{"The board funds the scheme", "The board should refrain from funding the scheme.", argmap.StanceDenial, ""},
		{"The board funds the scheme", "Tenants urged the board to act, but it ceased funding the scheme.", argmap.StanceDenial, ""},
		// a verb of failing or leaving undone (fail, neglect, omit)
		// negates the verb or the act it governs, but with an object that
		// names a thing, or none, it is a predicate of its own: a question
		// that says it is not negated; the object of avoid, refuse or
		// cease is what is not done
		{"The council neglected the harbour wall", "The council ignored the harbour wall for a decade.", argmap.StanceSame, ""},
		{"The council neglected the harbour wall", "For years the harbour wall was neglected by the council.", argmap.StanceSame, ""},
		{"The ferry talks failed", "The ferry talks collapsed in May.", argmap.StanceSame, ""},
		{"The ferry talks failed", "The ferry talks did not fail.", argmap.StanceDenial, ""},
		{"The council pays the harbour levy", "The council avoids the harbour levy.", argmap.StanceDenial, ""},
		{"The board runs a ferry service", "The board ceased its ferry service in 2019.", argmap.StanceDenial, ""},
		{"The council inspected the harbour wall", "The council omitted to inspect the harbour wall.", argmap.StanceDenial, ""},
		{"The council inspected the harbour wall", "The council has failed to adequately inspect the harbour wall.", argmap.StanceDenial, ""},
		{"The council inspected the harbour wall", "The council avoided inspecting the harbour wall.", argmap.StanceDenial, ""},
		{"The council protected the fishermen", "The council neglected the protection of the fishermen.", argmap.StanceDenial, ""},
		{"Towns give ferry licensing to the port board to avoid public criticism", "Towns benefit by giving ferry licensing to the port board without facing public criticism.", argmap.StanceSame, ""},
		// verbs of avoiding, from WordNet (avoid's sense, or the genus of
		// their definitions): a synonym of "avoid" negates as it does
		{"The utility dodges its maintenance duties", "The utility avoids its maintenance obligations.", argmap.StanceSame, ""},
		{"The mayor sidestepped the budget question", "The mayor avoided the budget question.", argmap.StanceSame, ""},
		{"The mayor evaded the question about the budget", "The mayor answered the question about the budget.", argmap.StanceDenial, ""},
		{"The utility shuns public hearings", "The utility holds public hearings every spring.", argmap.StanceDenial, ""},
		{"The firm is dodging the levy", "The firm pays the levy.", argmap.StanceDenial, ""},
		{"The levy was evaded by most firms", "Most firms paid the levy.", argmap.StanceDenial, ""},
		{"The firm shirked its tax bill", "The firm dodged its tax bill.", argmap.StanceSame, ""},
		// a relative "that" before a word that may be a verb and "to" or a
		// possessive, and a "where" clause, keep their own negation
		{"The council trusts ferry owners", "The council does not trust ferry owners that wish to avoid the harbour levy.", argmap.StanceDenial, ""},
		{"Ferry owners avoid the harbour levy", "The council does not trust ferry owners that wish to avoid the harbour levy.", argmap.StanceSame, ""},
		{"The board funds the harbour", "The board does not fund harbours where fishermen refuse to pay the levy.", argmap.StanceDenial, ""},
		// "not only X but also Y" says X; a word of denying or doubting
		// before "that" or "whether" (WordNet's deny, doubt, dispute)
		// denies what follows, and a second negation takes it back;
		// "unlikely to", "rarely if ever"; a view the author calls wrongly
		// held
		{"The water board cleans the canal", "The water board not only cleans the canal but also repairs its locks.", argmap.StanceSame, ""},
		// "not only X; it also Y", and "not only X," where a sentence
		// was cut into claims before its "but also"
		{"The water board cleans the canal", "The water board not only cleans the canal; it also repairs its locks.", argmap.StanceSame, ""},
		{"The water board cleans the canal", "The water board not only cleans the canal,", argmap.StanceSame, ""},
		{"The water board cleans the canal", "Nobody disputes that the water board cleans the canal.", argmap.StanceSame, ""},
		{"The water board cleans the canal", "No one doubts that the water board cleans the canal.", argmap.StanceSame, ""},
		{"The water board cleans the canal", "There is no doubt that the water board cleans the canal.", argmap.StanceSame, ""},
		{"The water board cleans the canal", "Few would deny that the water board cleans the canal.", argmap.StanceSame, ""},
		{"The water board cleans the canal", "Engineers dispute that the water board cleans the canal.", argmap.StanceDenial, ""},
		{"The water board cleans the canal", "The water board is unlikely to clean the canal.", argmap.StanceDenial, ""},
		{"The water board cleans the canal", "The water board rarely if ever cleans the canal.", argmap.StanceDenial, ""},
		{"The water board cleans the canal", "Critics wrongly claim that the water board cleans the canal.", argmap.StanceDenial, "Critics"},
		{"The water board is neutral", "The water board is not simply neutral.", argmap.StanceDenial, ""},
		// the question's subject does not vote on polarity: a verb of
		// rejecting or doubting negates only its object
		{"The water board accepted the plan", "The water board rejected the plan.", argmap.StanceDenial, ""},
		{"The port authority trusts the survey", "The port authority questioned the survey.", argmap.StanceDenial, ""},
		{"The water board did not accept the plan", "The water board rejected the plan.", argmap.StanceSame, ""},
		// "..., but it does not": the clause before is denied
		{"The water board cleans the canal", "The water board claims to clean the canal, but in fact it does not.", argmap.StanceDenial, ""},
		{"The water board cleans the canal", "The water board was asked to clean the canal, but it did not.", argmap.StanceDenial, ""},
		{"The water board cleans the canal", "The water board cleans the canal, but it does not repair the locks.", argmap.StanceSame, ""},
		// "not yet" negates; "less A than B" of two things compares them
		{"The ferry company is profitable", "The ferry company is not yet profitable.", argmap.StanceDenial, ""},
		{"The ferry company is profitable", "The ferry company is less profitable than the bus company.", argmap.StanceSame, ""},
		{"The ferry company is profitable", "The ferry company is less profitable than it claims.", argmap.StanceDenial, ""},
		// "no longer": "longer" is no word a claim must say
		{"The canal board no longer dredges the harbour", "The canal board still dredges the harbour every year.", argmap.StanceDenial, ""},
		{"The canal board no longer dredges the harbour", "The canal board stopped dredging the harbour in 2015.", argmap.StanceSame, ""},
		// a denial by lacking the question's negation needs the negated
		// word said by a word of its own: "helps" stands for "assisted",
		// not also for "support"
		{"Assisted travel leaves pensioners with no support after they move", "The council helps pensioners sell their houses before they move.", argmap.StanceTopic, ""},
		{"Assisted travel leaves pensioners with no support after they move", "The council offers pensioners support after the move: a removal grant and a visit from a nurse.", argmap.StanceDenial, ""},
		// ... or by its opposite: "unsupported" of "support" (WordNet
		// opposes the participle's adjectives, not the verb)
		{"Assisted travel leaves pensioners with no support after they move", "Assisted travel is popular, and without it pensioners would move alone and unsupported.", argmap.StanceDenial, ""},
		// counterfactuals: what would have been, or would be if, is not
		{"The ferry company is profitable", "The ferry company would have been profitable if fares had risen.", argmap.StanceDenial, ""},
		{"The ferry company is profitable", "If fares rose, the ferry company would be profitable.", argmap.StanceDenial, ""},
		{"The ferry company is profitable", "The ferry company should have been profitable by now.", argmap.StanceDenial, ""},
		{"The ferry company is profitable", "Without the subsidy the ferry company would not be profitable.", argmap.StanceSame, ""},
		{"The ferry company is profitable", "The ferry company said it would be profitable by 2030.", argmap.StanceSame, ""},
		{"The ferry company pays a dividend", "The ferry company said it would pay a dividend if profits rose.", argmap.StanceSame, ""},
		// a claim's condition is not asserted; a condition contrary to fact
		// ("had", with "would") is denied
		{"The harbour board has a dredging licence", "If the harbour board has a dredging licence, it will clear the channel.", argmap.StanceTopic, ""},
		{"The harbour board has a dredging licence", "Unless the harbour board has a dredging licence, the channel will silt up.", argmap.StanceTopic, ""},
		{"The harbour board has a dredging licence", "If the harbour board had a dredging licence, it would have to clear the channel every year.", argmap.StanceDenial, ""},
		{"The harbour board has a dredging licence", "The channel would be clear if the harbour board had a dredging licence.", argmap.StanceDenial, ""},
		// "Without X, Y would ...": X is there
		{"The ferry company gets a subsidy", "Without its subsidy, the ferry company would close.", argmap.StanceSame, ""},
		{"The ferry company gets a subsidy", "Without a subsidy, the ferry company closed.", argmap.StanceDenial, ""},
		{"Assisted travel leaves pensioners with no support after they move", "Without assisted travel, pensioners would move house unsupported.", argmap.StanceDenial, ""},
		// quantifiers: a minority, only a few, few before a name
		{"Most islanders support the new port", "Only a minority of islanders support the new port.", argmap.StanceDenial, ""},
		{"Most islanders support the new port", "A small minority of islanders support the new port.", argmap.StanceDenial, ""},
		{"Most islanders support the new port", "Only a few islanders support the new port.", argmap.StanceDenial, ""},
		{"Most islanders support the new port", "A few islanders support the new port.", argmap.StanceSame, ""},
		{"Few RNLI volunteers are trained divers", "Many RNLI volunteers are trained divers.", argmap.StanceDenial, ""},
		{"Few RNLI volunteers are trained divers", "Few RNLI volunteers are trained divers.", argmap.StanceSame, ""},
		// a minority quantifier governs the noun it counts: a claim that
		// does not speak of the ports, or a count of them, shares only the
		// topic; one that counts them denies it
		{"The lifeboat charity operates in only a handful of ports", "Part of what the lifeboat charity does is to show off how generous its donors are.", argmap.StanceTopic, ""},
		{"The lifeboat charity operates in only a handful of ports", "The lifeboat charity operates in dozens of ports.", argmap.StanceDenial, ""},
		// ... as the head of a phrase: a modifier speaks of its noun
		{"The lifeboat charity operates in only a handful of countries", "The charity operates with national offices around the world that train volunteers.", argmap.StanceTopic, ""},
		{"The lifeboat charity operates in only a handful of countries", "The charity operates in many nations.", argmap.StanceDenial, ""},
		// an antonym of a synonym: "liberate" is opposed to "detain" as
		// "free" is
		{"The coastguard liberated the fishermen", "The coastguard detained the fishermen.", argmap.StanceDenial, ""},
		// taking the other side of a plan: WordNet opposes neither support
		// and oppose nor welcome and criticise (sideWords)
		{"Most islanders support the new port", "Most islanders oppose the new port.", argmap.StanceDenial, ""},
		{"Most islanders support the new port", "Most islanders object to the new port.", argmap.StanceDenial, ""},
		{"Most islanders support the new port", "Most islanders endorse the new port.", argmap.StanceSame, ""},
		{"The fishermen's union welcomed the harbour plan", "The fishermen's union criticised the harbour plan.", argmap.StanceDenial, ""},
		{"The fishermen's union welcomed the harbour plan", "The fishermen's union voiced strong opposition to the harbour plan.", argmap.StanceDenial, ""},
		// a side against something is a question's point: a claim that
		// says no side does not state it; a word of the same side does
		{"The harbour board opposes the dredging of the canal", "The harbour board has long taken part in the dredging of the canal.", argmap.StanceTopic, ""},
		{"The harbour board opposes the dredging of the canal", "The harbour board objects to the dredging of the canal.", argmap.StanceSame, ""},
		// a noun before its clause's verb names who is on a side, not a
		// side the question takes: what they do is its point
		{"The mayor's critics and her defenders engage closely with each other's arguments", "The committee should urge the mayor to refrain from engaging in such contracts.", argmap.StanceTopic, ""},
		{"The mayor's critics and her defenders engage closely with each other's arguments", "The council should urge the mayor to stop engaging with lobbyists.", argmap.StanceTopic, ""},
		{"Tenants oppose the new rent rules", "Tenants support the new rent rules.", argmap.StanceDenial, ""},
		// keeping a rule or a right against breaking it: WordNet opposes
		// neither respect and disregard nor heed and ignore (sideWords)
		{"The ferry company respects the rights of its crews", "The ferry company disregards the rights of its crews.", argmap.StanceDenial, ""},
		{"The ferry company respects the rights of its crews", "The crews whose rights the ferry company ignored were sacked.", argmap.StanceDenial, ""},
		{"The ferry company respects the rights of its crews", "The ferry company complies with the rights of its crews.", argmap.StanceSame, ""},
		{"The port authority heeded the divers' warnings", "The port authority ignored the divers' warnings.", argmap.StanceDenial, ""},
		{"The fishermen's union supported the harbour plan", "The fishermen's union met in March to discuss the harbour plan.", argmap.StanceTopic, ""},
		{"The fishermen's union supported the harbour plan", "The fishermen's union endorsed the harbour plan.", argmap.StanceSame, ""},
		// after "to" it is a purpose, not a side taken
		{"Islanders have not resisted the harbour plan", "Islanders set up a fund to support the harbour plan.", argmap.StanceTopic, ""},
		// "lack of" negates its of-phrase whatever stands before it
		{"The canal trust took over the locks", "The canal trust took over the locks despite an apparent lack of funds.", argmap.StanceSame, ""},
		{"The canal trust took over the locks", "The canal trust took over the locks for lack of other bidders.", argmap.StanceSame, ""},
		{"The canal trust has the funds to repair the locks", "The canal trust cannot repair the locks for lack of funds.", argmap.StanceDenial, ""},
		// "X's claim that it is P is false": "it" is X
		{"The ferry company is profitable", "The ferry company's claim that it is profitable is false.", argmap.StanceDenial, ""},
		// what a question's negation governs is the head of its noun
		// phrase: a claim that does not say it does not deny the question
		// by lacking the negation
		{"The council dodges its maintenance duties", "The council publishes its maintenance plan every year.", argmap.StanceTopic, ""},
		{"The council dodges its maintenance duties", "The council carries out its maintenance duties.", argmap.StanceDenial, ""},
		// a noun or adjective of the same spelling negates nothing
		{"A hedge surrounds the depot", "The depot is surrounded by a tall hedge.", argmap.StanceSame, ""},
		{"The pension fund holds shares in funds", "The pension fund holds shares in hedge funds.", argmap.StanceSame, ""},
		{"The firm pays the levy", "The firm cut costs by dodging the levy.", argmap.StanceDenial, ""},
		// an adjective WordNet defines as an absence (with no antonym),
		// said of the subject, negates its clause
		{"The charter is silent on the rights of tenants", "The charter does not refer to the rights of tenants.", argmap.StanceSame, ""},
		{"The charter is silent on the rights of tenants", "The charter sets out the rights of tenants in full.", argmap.StanceDenial, ""},
		{"The charter does not mention the rights of tenants", "On the rights of tenants the charter remains silent.", argmap.StanceSame, ""},
		{"The harbour has boats", "The harbour has sparse boats moored in it.", argmap.StanceSame, ""},
		{"The council violates the rights of tenants", "Tenants are the losers: their rights are disregarded or violated by the council.", argmap.StanceSame, ""},
		// a claim word the question has does not also stand for the
		// opposite of another of its words
		{"Donors prefer one large fund to many small grants", "As manager of large funds, the trust hands grants to clubs.", argmap.StanceTopic, ""},
		{"The fund is small", "The fund is large.", argmap.StanceDenial, ""},
		// an opinion that the sentence calls false is rejected; "anything
		// but", "scarcely" and "declined to" negate
		{"The ferry service is reliable", "The idea that the ferry service is reliable is a myth.", argmap.StanceDenial, ""},
		{"The ferry service is reliable", "The claim that the ferry service is reliable was simply false: boats missed a third of their crossings.", argmap.StanceDenial, ""},
		{"The ferry service is reliable", "The view that the ferry service is reliable is not true.", argmap.StanceDenial, ""},
		{"The ferry service is reliable", "The idea that the ferry service is reliable is popular with tourists.", argmap.StanceSame, ""},
		{"The ferry service is reliable", "The ferry service is anything but reliable.", argmap.StanceDenial, ""},
		{"The ferry service is reliable", "The ferry service is scarcely reliable.", argmap.StanceDenial, ""},
		{"The council funds the ferry service", "The council declined to fund the ferry service.", argmap.StanceDenial, ""},
		{"The council funds the ferry service", "Council funding for the ferry service declined to 2 million.", argmap.StanceSame, ""},
		// "far from" and an -ing form before the main clause is said of
		// its subject; a place "far from" something is not
		{"The ferry service is reliable", "Far from being reliable, the ferry service runs when it pleases.", argmap.StanceDenial, ""},
		{"The ferry service runs when it pleases", "Far from being reliable, the ferry service runs when it pleases.", argmap.StanceSame, ""},
		{"The ferry service is reliable", "Far from the capital, the ferry service is reliable.", argmap.StanceSame, ""},
		// the main clause's subject is said to be both, so it votes for
		// neither (a word after "of" is no verb, even one WordNet has as
		// a verb: "transit")
		{"Coast towns turn ministry aid to their own ends", "Far from being idle recipients of ministry aid, the towns of transit and coast use the aid to their own ends.", argmap.StanceSame, ""},
		{"Coast towns turn ministry aid to their own ends", "Far from being mere recipients of ministry aid, the towns of transit and coast spend the aid on their own ends.", argmap.StanceSame, ""},
		{"Coast towns are idle recipients of ministry aid", "Far from being idle recipients of ministry aid, the towns of transit and coast use the aid to their own ends.", argmap.StanceDenial, ""},
		// joining or entering ends being outside, leaving ends being
		// inside; being outside does not deny that it joined (it was
		// outside before)
		{"The guild has always stayed outside the FTA", "In 2009 the guild joined the FTA as an associate.", argmap.StanceDenial, ""},
		{"The guild has always stayed outside the FTA", "The guild entered the FTA in 2009.", argmap.StanceDenial, ""},
		{"The guild is outside the FTA", "The guild remains outside the FTA.", argmap.StanceSame, ""},
		{"The guild is inside the FTA", "The guild withdrew from the FTA in 2009.", argmap.StanceDenial, ""},
		{"The guild joined the FTA in 2009", "By 1990 the guild was a body outside the FTA.", argmap.StanceTopic, ""},
		{"The guild has always stayed outside the FTA", "The guild joined the protest against the FTA.", argmap.StanceTopic, ""},
		// a noun of absence negates its of-phrase, not its clause
		{"Tenants protested against the rent scheme", "Tenants protested against the lack of alternatives to the rent scheme.", argmap.StanceSame, ""},
		// a clause with no verb before the main clause (a subject set off
		// by an aside, a circumstance) takes the main clause's negation;
		// a relative clause's negation stays its own
		{"The trust does not count divers, fishermen, swimmers and boatmen among its clients", "Only divers, fishermen, swimmers and boatmen, as a concern of the county, are not among the trust's clients.", argmap.StanceSame, ""},
		{"Divers, fishermen, swimmers and boatmen are among the trust's clients", "Only divers, fishermen, swimmers and boatmen, as a concern of the county, are not among the trust's clients.", argmap.StanceDenial, ""},
		{"The trust serves divers", "Divers, who are not members, are served by the trust.", argmap.StanceSame, ""},
		// the items of a list of nouns share one clause: its negation and
		// its window
		{"The agency protects asylum seekers", "The agency offers no protection to migrants, refugees and asylum seekers.", argmap.StanceDenial, ""},
		{"The harbour trust harms local fishermen", "The harbour trust runs projects that have the effect, directly or not, of harming the welfare of boat owners, divers and local fishermen.", argmap.StanceSame, ""},
		// a verb of the same genus (both defined as a kind of preventing)
		// says it in part
		{"They exclude travellers", "They obstruct travellers.", argmap.StanceSame, ""},
		{"They exclude travellers", "They protect travellers.", argmap.StanceTopic, ""},
		// "less X than Y" denies X
		{"The reform served the needs of patients", "The reform was driven less by the needs of patients than by the budget of the ministry.", argmap.StanceDenial, ""},
		{"The reform was driven by the budget of the ministry", "The reform was driven less by the needs of patients than by the budget of the ministry.", argmap.StanceSame, ""},
		// "neither P nor Q" negates once
		{"The figures are neutral", "These figures are neither objective nor neutral.", argmap.StanceDenial, ""},
		// a predicate adjective is "X is [not] [adverbs] A": a question that
		// goes on past its participle ("was drawn up by the port
		// authority") or ends with one ("are enforced", a passive) has
		// none, and its last word need not be said by itself
		{"The ferry timetable was drawn up by the port authority", "The port drew up the ferry timetable.", argmap.StanceSame, ""},
		{"Fishing quotas in the bay are enforced", "The coastguard enforces the fishing quotas in the bay.", argmap.StanceSame, ""},
		{"The ferry service is seen as reliable", "Reliable ferry service", argmap.StanceTopic, ""},
		// a passive verb at the end is no adjective, but still the
		// predicate: a claim must say it
		{"Most divers who use the harbour were never trained", "Most divers who use the harbour pay the fees.", argmap.StanceTopic, ""},
		{"Most divers who use the harbour were never trained", "Most divers who use the harbour were trained by the board.", argmap.StanceDenial, ""},
		// "and that Q" is a clause of its own: its negation ("still rare")
		// does not reach the first that-clause
		{"Repairs to the pier are slow", "Residents are right that repairs to the pier are slow and that inspections of the pier are still rare.", argmap.StanceSame, ""},
		// a derivation WordNet does not tie is met by its Snowball stem, in
		// part, between a noun and a word that is none; two nouns of one
		// stem are not tied
		{"The board's dismissive replies angered the divers", "The dismissal in the board's letters angered the divers.", argmap.StanceSame, ""},
		{"The university is generous", "The universe is generous.", argmap.StanceTopic, ""},
		// a question's words that say a name the claim uses, its head
		// among them, meet it; other words of a name ("human rights" of
		// "Human Rights Watch") do not, nor does a name say the question's
		// predicate
		{"The EU ferry fund paid the council", "The EU Coastal Ferry Fund for Ireland (EUFF) was set up in 2010, and the EUFF paid the council.", argmap.StanceSame, ""},
		{"The island council sits on the harbour safety board", "The island council sits on the Board of Harbour Safety.", argmap.StanceSame, ""},
		{"The port violates human rights", "Human Rights Watch described the port.", argmap.StanceTopic, ""},
		{"The ferry service is reliable", "The Reliable Ferry Service (RFS) runs daily.", argmap.StanceTopic, ""},
		// "A rather than B" sets B aside: a question that says B is turned
		// round, one that says A is stated
		{"The council treats the ferry as a duty", "The council treats the ferry as a favour rather than a duty.", argmap.StanceDenial, ""},
		{"The council treats the ferry as a favour", "The council treats the ferry as a favour rather than a duty.", argmap.StanceSame, ""},
		// a question may set an alternative aside too: a claim that says
		// the alternative outright turns it round, one that sets the same
		// alternative aside states it
		{"The town spends its tax on roads rather than on schools", "Most of the town's tax goes to roads rather than to schools.", argmap.StanceSame, ""},
		{"The town spends its tax on roads rather than on schools", "The town spends its tax on schools.", argmap.StanceDenial, ""},
		{"The orchard is run by volunteers instead of the council", "Volunteers look after the orchard instead of the council.", argmap.StanceSame, ""},
		{"The orchard is run by volunteers instead of the council", "The council runs the orchard.", argmap.StanceDenial, ""},
		// "in every case" says "always": the occasion noun is a manner of
		// the clause, not a thing a claim must name
		{"Late trains are refunded in every case", "Late trains cannot be refunded.", argmap.StanceDenial, ""},
		{"Late trains are refunded in every case", "Late trains are refunded.", argmap.StanceSame, ""},
		// "enforces the exclusion of": a verb before "the N of" where N
		// names an act weighs as a modifier; the act itself must be said
		{"The board enforces the exclusion of divers", "The board obstructs divers.", argmap.StanceSame, ""},
		{"The board enforces the exclusion of divers", "The board protects divers.", argmap.StanceTopic, ""},
		// indirect antonyms of an adjective: "scant" is a satellite of
		// "insufficient", the antonym of "sufficient", to which
		// "adequate" is similar
		{"The shelter's food supplies are adequate", "The shelter's food supplies are scant.", argmap.StanceDenial, ""},
		{"The shelter gave its guests adequate food", "The shelter gave its guests meagre food.", argmap.StanceDenial, ""},
		{"The shelter's food supplies are adequate", "The shelter's food supplies are not scant.", argmap.StanceSame, ""},
		// a negative prefix turns its word round, across parts of speech
		{"The ferry is reliable", "The ferry is unreliable.", argmap.StanceDenial, ""},
		{"The council applies the rules consistently", "There are inconsistencies in how the council applies the rules.", argmap.StanceDenial, ""},
		{"The council applies the rules inconsistently", "The council's application of the rules is consistent.", argmap.StanceDenial, ""},
		// ... but not a verb that only starts like one, nor a word WordNet
		// has near its rest
		{"The council discovered the leak", "The council covered the leak.", argmap.StanceSame, ""},
		{"The council informed the residents", "The council formed the residents.", argmap.StanceSame, ""},
		{"The survey is invaluable", "The survey is valuable.", argmap.StanceTopic, ""}, // near, not opposed
		// a source set between commas ("as X documented in its report
		// "Title"", "according to X") is an aside: the clauses on either
		// side of it stay in one window
		{"Boat yards on the island gave the fishing boats adequate maintenance", `On the island, many of the fishing boats that sank after March had come from boat yards where, as the coastguard documented in its 2019 report "Salt and Rust", leaks, missing parts and scant maintenance were common.`, argmap.StanceDenial, ""},
		{"Boat yards on the island gave the fishing boats adequate maintenance", "On the island, many of the fishing boats that sank after March had come from boat yards where, according to the coastguard, leaks, missing parts and scant maintenance were common.", argmap.StanceDenial, ""},
		// "as though" / "as if" P: a pretence or a likeness, neither
		// stated nor denied
		{"The council pursues no interests of its own", "The council acts for the port owners, as though working in the interests of islanders.", argmap.StanceTopic, ""},
		{"The council works in the interests of islanders", "The council speaks as if it worked in the interests of islanders.", argmap.StanceTopic, ""},
		{"The council works for the port owners", "The council works for the port owners, as though working in the interests of islanders.", argmap.StanceSame, ""},
		// a claim that does not say what a question's negation governs
		// ("count", "private cars") does not deny it by having no
		// negation; one that says it does, whatever verb it uses
		{"The ferry carries no private cars", "The ferry often carries private cars.", argmap.StanceDenial, ""},
		{"The ferry offers no protection from the wind", "The ferry's deck protects passengers from the wind.", argmap.StanceDenial, ""},
		{"The trust does not count divers among its clients", "The trust's client list, the inspectors warned, was harming divers.", argmap.StanceTopic, ""},
		{"The trust does not count divers among its clients", "The trust counts divers among its clients.", argmap.StanceDenial, ""},
		// "reluctant / unwilling / loath to V" does not V (WordNet's
		// "unwilling" and its satellites), "willing to V" is no denial,
		// and "a reluctant supporter" still supports
		{"Member states funded climate work", "Most member states were reluctant to fund climate work.", argmap.StanceDenial, ""},
		{"Member states funded climate work", "Most member states were loath to fund climate work.", argmap.StanceDenial, ""},
		{"Member states did not fund climate work", "Most member states were unwilling to fund climate work.", argmap.StanceSame, ""},
		{"Member states funded climate work", "Most member states were willing to fund climate work.", argmap.StanceSame, ""},
		{"The council supports the ferry", "The council is a reluctant supporter of the ferry.", argmap.StanceSame, ""},
		// more denial forms: "instead of" sets its clause aside (at the
		// start of a sentence too), "has/is yet to V", "rarely",
		// "seldom", "barely", "unable to V", and "reports that P are
		// false"
		{"The council funds the ferry", "Instead of funding the ferry, the council built a bridge.", argmap.StanceDenial, ""},
		{"The council funds the ferry", "The council built a bridge instead of funding the ferry.", argmap.StanceDenial, ""},
		{"The council built a bridge", "The council built a bridge instead of funding the ferry.", argmap.StanceSame, ""},
		{"The council funds the ferry", "The council has yet to fund the ferry.", argmap.StanceDenial, ""},
		{"The council funds the ferry", "The council has yet to decide, and funds the ferry.", argmap.StanceSame, ""},
		{"The council funds the ferry", "The council seldom funds the ferry.", argmap.StanceDenial, ""},
		{"The council funds the ferry", "The council was unable to fund the ferry.", argmap.StanceDenial, ""},
		{"The council funds the ferry", "Reports that the council funds the ferry are false.", argmap.StanceDenial, ""},
		// "unsafe" both negates its clause (an adjective of absence
		// WordNet gives no antonym) and is an opposite of "safe": one
		// turn, not two
		{"The harbour is safe", "The harbour is unsafe.", argmap.StanceDenial, ""},
		{"The harbour is unsafe", "The harbour is safe.", argmap.StanceDenial, ""},
		{"The harbour is unsafe", "The harbour is unsafe.", argmap.StanceSame, ""},
		// a view judged doubtful or unlikely is a view rejected, as one
		// judged false; one judged likely is not
		{"The council funds the ferry", "It is doubtful that the council funds the ferry.", argmap.StanceDenial, ""},
		{"The council funds the ferry", "The claim that the council funds the ferry is dubious.", argmap.StanceDenial, ""},
		{"The council funds the ferry", "It is likely that the council funds the ferry.", argmap.StanceSame, ""},
		// ", not Y" without a verb sets Y aside as "rather than" does;
		// after a negated clause it adds a negation ("not Y either")
		{"The council funds the ferry", "The council funds the bridge, not the ferry.", argmap.StanceDenial, ""},
		{"The port funds the ferry", "The council, not the port, funds the ferry.", argmap.StanceDenial, ""},
		{"The council funds the ferry", "The council, not the port, funds the ferry.", argmap.StanceSame, ""},
		{"The council funds the ferry", "The council does not fund the bridge, not the ferry either.", argmap.StanceDenial, ""},
		// "let alone Y" after a negated clause denies Y too; after an
		// affirmed one it affirms it
		{"Member states financed climate projects", "Most member states were reluctant to discuss, let alone finance climate projects.", argmap.StanceDenial, ""},
		{"Member states financed climate projects", "Most member states discussed, let alone financed, climate projects.", argmap.StanceSame, ""},
		// a view held by whoever holds it, said to be false: "whoever /
		// those who / anyone who calls X P is wrong", "calling X P would
		// be a mistake"; a holder said to be right is no rejection
		{"The harbour is safe", "Whoever calls the harbour safe is mistaken.", argmap.StanceDenial, ""},
		{"The harbour is safe", "Those who call the harbour safe are wrong.", argmap.StanceDenial, ""},
		{"The harbour is safe", "Anyone who thinks the harbour is safe is wrong.", argmap.StanceDenial, ""},
		{"The harbour is safe", "Calling the harbour safe would be a mistake.", argmap.StanceDenial, ""},
		{"The harbour is safe", "Those who called the harbour safe were right.", argmap.StanceSame, ""},
		// a trend ("more and more", "ever fewer", "increasingly") is a
		// question's point: a change the other way denies it, a claim of
		// no change does not state it; a verb of change that is a
		// question's predicate is turned round by one the other way
		{"The council mentions the harbour plan more and more often", "Mentions of the harbour plan by the council have declined.", argmap.StanceDenial, ""},
		{"The council mentions the harbour plan more and more often", "The council mentions the harbour plan less and less often.", argmap.StanceDenial, ""},
		{"The council mentions the harbour plan more and more often", "The council mentions the harbour plan often.", argmap.StanceTopic, ""},
		{"The council mentions the harbour plan increasingly often", "There was a decline in the council's mentions of the harbour plan.", argmap.StanceDenial, ""},
		{"The council increasingly funds the ferry", "The council funds the ferry less and less.", argmap.StanceDenial, ""},
		{"The council spends ever more on the ferry", "Council spending on the ferry keeps growing.", argmap.StanceSame, ""},
		{"The harbour board is growing", "The harbour board has shrunk to three members.", argmap.StanceDenial, ""},
		{"Ferry fares are rising", "Ferry fares rose as the number of passengers declined.", argmap.StanceSame, ""},
		{"The council funds the ferry", "The council funds the ferry more and more.", argmap.StanceSame, ""},
		{"Farmers grow rice on the island", "Rice harvests on the island declined.", argmap.StanceTopic, ""},
		{"The council mentions the harbour plan less and less", "A number of council members mention the harbour plan.", argmap.StanceTopic, ""},
		// a claim whose nouns are the question's but whose word says the
		// opposite of one the question says and it does not (WordNet: an
		// antonym of one among the other's senses or hypernyms; word
		// vectors: nearer the antonym; a change the other way of the
		// same thing) does not state it
		{"The board strengthened the harbour wall", "The board undermined the harbour wall.", argmap.StanceTopic, ""},
		{"The board strengthened the harbour wall", "In 2019 the board undermined the harbour wall by dredging too close to it.", argmap.StanceTopic, ""},
		// (praise and condemn take opposite sides on the plan: a denial,
		// sideWords)
		{"The council praised the ferry plan", "The council condemned the ferry plan.", argmap.StanceDenial, ""},
		{"The council expanded the ferry service", "The council curtailed the ferry service.", argmap.StanceTopic, ""},
		{"The board strengthened the harbour wall", "The board reinforced the harbour wall.", argmap.StanceSame, ""},
		{"The council raised the ferry levy", "The council lowered the ferry levy.", argmap.StanceDenial, ""},
		// a change is said of what changes: the noun after a word of
		// change that takes one, else the words before it; a change of
		// something else neither states nor denies the question's
		{"The harbour board is growing", "The harbour board cut its spending on dredging.", argmap.StanceTopic, ""},
		{"The council mentions the harbour plan more and more often", "The council mentions the harbour plan in its reports on declining trade.", argmap.StanceTopic, ""},
		{"Ferry fares are rising", "Amid growing traffic, ferry fares stayed the same.", argmap.StanceTopic, ""},
		// a change of what the question says stays as it is (WordNet
		// opposes remain and stay to change)
		{"The ferry company has remained a small business", "The ferry company started as a small business and grew into the largest operator on the coast.", argmap.StanceDenial, ""},
		{"The ferry company has remained a small business", "The ferry company is still a small business.", argmap.StanceSame, ""},
		// a general word of change ("transformed", "the evolution of")
		// states a change and denies staying the same; "since" before a
		// date is no clause of its own
		{"The harbour board's remit has stayed the same since 1990", "The harbour board's remit was transformed in 2005.", argmap.StanceDenial, ""},
		{"The harbour board's remit has stayed the same since 1990", "The harbour board changed its logo in 2005.", argmap.StanceTopic, ""},
		{"The harbour board's remit has changed since 1990", "The harbour board's remit was transformed in 2005.", argmap.StanceSame, ""},
		{"The harbour board's remit has changed since 1990", "The harbour board's remit has not changed since 1990.", argmap.StanceDenial, ""},
		{"The harbour board's remit has stayed the same since 1990", "The harbour board's remit has not changed since 1990.", argmap.StanceSame, ""},
		// staying as it is is the question's point: "still" says it, a
		// claim that says neither does not state it
		{"The ferry company has remained a small business", "For a business of its size, the ferry company has been studied surprisingly little.", argmap.StanceTopic, ""},
		{"The ferry company has remained a small business", "The ferry company remains a small business.", argmap.StanceSame, ""},
		{"Ferry fares are rising", "The council cut ferry fares.", argmap.StanceDenial, ""},
		{"Ferry fares are rising", "Ferry fares rose 10% last year.", argmap.StanceSame, ""},
		// "before X was willing / able / ready to V": X was not yet, when
		// what the sentence tells of happened; a "before" clause of an
		// event is read as before
		{"The council was willing to fund the ferry", "The port ran the ferry for years before the council was ready to fund it.", argmap.StanceDenial, ""},
		{"The council was ready to fund the ferry", "Before the council was able to fund the ferry, the port ran it at a loss.", argmap.StanceDenial, ""},
		{"The council was ready to fund the ferry", "The council was ready to fund the ferry before the election.", argmap.StanceSame, ""},
		{"The council funded the ferry", "The port ran the ferry until the council funded it.", argmap.StanceSame, ""},
		// a relative clause of the subject ends where the main clause's
		// verb group starts, with or without a comma; the main clause's
		// negation does not deny it; after an indefinite subject it says
		// what holds of whoever is so, and no one is said to be so
		{"Many travellers were flown home from the island", "A traveller who must choose between a cell and a flight home has not made a free choice.", argmap.StanceTopic, ""},
		{"The council funds the ferry", "The council, which funds the ferry, has no say over its timetable.", argmap.StanceSame, ""},
		{"The council controls the ferry's timetable", "The council, which funds the ferry, does not control its timetable.", argmap.StanceDenial, ""},
		{"A pilot who works the night shift has a right to a bonus", "A pilot who works the night shift has no right to a bonus.", argmap.StanceDenial, ""},
		{"Pilots who work the night shift were never paid for it", "Pilots who work the night shift were paid for it by the port.", argmap.StanceDenial, ""},
		// a relative "that" after a noun and before a verb, likewise;
		// not a "that" after a verb or before a noun
		{"The ferry carries cars", "A ferry that is built for cars does not need a permit.", argmap.StanceTopic, ""},
		{"The council funded the ferry", "The council that funded the ferry has no control over its timetable.", argmap.StanceSame, ""},
		{"The council controls the timetable", "The council that funded the ferry does not control its timetable.", argmap.StanceDenial, ""},
		{"States pay the fees", "The claim that states pay the fees is wrong.", argmap.StanceDenial, ""},
		// in a question of one or two words besides names, a word that is
		// only a kind of one of them ("drift" of "move") does not say it
		// in part; a narrower word of a narrow one still does ("Crises
		// multiply" above), a synonym fully
		{"Boats move", "Boats drift in the bay.", argmap.StanceTopic, ""},
		{"Boats move", "Boats travel in the bay.", argmap.StanceSame, ""},
		{"The Harbour Trust acts in its own name", "The Harbour Trust acts in its own name when it buys boats.", argmap.StanceSame, ""},
		// "few" and "little" before a noun, "to" or "of" negate as
		// "hardly" does; "a few", "the little boat" and a degree word
		// after a verb ("studied surprisingly little") do not
		{"The harbour is safe", "There is little evidence that the harbour is safe.", argmap.StanceDenial, ""},
		{"The council protects the ferry crews", "The council has done little to protect the ferry crews.", argmap.StanceDenial, ""},
		{"Divers use the harbour", "Few divers use the harbour.", argmap.StanceDenial, ""},
		{"Divers use the harbour", "A few divers use the harbour.", argmap.StanceSame, ""},
		{"The boat sank", "The little boat sank.", argmap.StanceSame, ""},
		{"The harbour has been studied surprisingly little", "The harbour has been remarkably under-studied.", argmap.StanceSame, ""},
		// a view nobody or hardly anybody holds is reported to deny it;
		// "a few people" and "many people" hold it
		{"The harbour is safe", "No one believes that the harbour is safe.", argmap.StanceDenial, ""},
		{"The harbour is safe", "Few people believe that the harbour is safe.", argmap.StanceDenial, ""},
		{"The harbour is safe", "Hardly anyone thinks the harbour is safe.", argmap.StanceDenial, ""},
		{"The harbour is safe", "A few people believe that the harbour is safe.", argmap.StanceSame, "A few people"},
		{"The harbour is safe", "Many people believe that the harbour is safe.", argmap.StanceSame, "Many people"},
		// the words spread over more than three clauses that say something else
		{"IOM has no formal protection mandate", "IOM, in its reports, says that, despite having no mandate, it is, in 2020, formal, and, in camps, offers protection.", argmap.StanceTopic, ""},
		// an adjective similar to an antonym of the question's denies it
		// (WordNet opposes only the heads of its adjective clusters); one
		// near the question's own word does not
		{"The harbour master's role in the port is central", "The harbour master's role in the port is marginal.", argmap.StanceDenial, ""},
		{"The survey of the wreck was thorough", "The survey of the wreck was cursory.", argmap.StanceDenial, ""},
		{"Independent inspection of the boats is common", "Independent inspection of the boats is still rare.", argmap.StanceDenial, ""},
		// an adverb says what its adjective derives from: "legally" of
		// "law" (WordNet: legally -> legal -> law)
		{"The harbour board is not legally obliged to dredge the channel", "The harbour board is bound by the maritime law to dredge the channel.", argmap.StanceDenial, ""},
		// who does what to whom: the question's doer and what it does it
		// to met in each other's roles say the converse; passive for
		// active keeps them, a converse verb ("receives ... from") turns
		// nothing round, nor does another verb (roles are a verb's)
		{"The ferry company sued the harbour board", "The harbour board sued the ferry company.", argmap.StanceTopic, ""},
		{"The ferry company sued the harbour board", "The harbour board was sued by the ferry company.", argmap.StanceSame, ""},
		{"The harbour board is funded by the ferry company", "The ferry company is funded by the harbour board.", argmap.StanceTopic, ""},
		{"The harbour board is funded by the ferry company", "The ferry company funds the harbour board.", argmap.StanceSame, ""},
		{"The ferry company pays the harbour board", "Last year the harbour board paid the ferry company twice.", argmap.StanceTopic, ""},
		{"The ferry company pays the harbour board", "The harbour board receives payments from the ferry company.", argmap.StanceSame, ""},
		{"The ferry company pays the harbour board", "The ferry company does not pay the harbour board.", argmap.StanceDenial, ""},
		// ... a participle too, when its verb is also a noun ("biased",
		// of "bias", is similar to "partial", the antonym of "impartial")
		{"The harbour inspector was impartial", "The harbour inspector was biased.", argmap.StanceDenial, ""},
		{"The tide tables in the almanac are unbiased", "The tide tables in the almanac are biased.", argmap.StanceDenial, ""},
		{"The tide tables in the almanac are unbiased", "The tide tables in the almanac are not biased.", argmap.StanceSame, ""},
		{"The ferry plays a key role in tourism", "The ferry plays an important role in tourism.", argmap.StanceSame, ""},
		{"The lifeboat crew has been secretive about its accounts", "The lifeboat crew should report more openly on its accounts.", argmap.StanceTopic, ""},
		// an exclusive question is denied by a claim that another does
		// what it restricts too; not by one that adds to what the
		// restricted does, says less of it, or says the others do not
		{"The harbour board is the only body that licenses moorings", "Other bodies also license moorings.", argmap.StanceDenial, ""},
		{"Only the harbour board licenses moorings", "The council also licenses moorings.", argmap.StanceDenial, ""},
		{"The harbour board alone licenses moorings", "Another body licenses moorings too.", argmap.StanceDenial, ""},
		{"The lifeboat is funded solely by donations", "The lifeboat is also funded by the council.", argmap.StanceDenial, ""},
		{"The harbour board only licenses moorings", "The harbour board also dredges the channel.", argmap.StanceTopic, ""},
		{"The harbour board is the only body that licenses moorings", "Other bodies license fishing boats.", argmap.StanceTopic, ""},
		{"Only the harbour board licenses moorings", "Other bodies do not license moorings.", argmap.StanceTopic, ""},
		// a view reported and judged false in the same sentence is
		// rejected; a verdict on part of it, or none, leaves it reported
		{"The harbour is unsafe", "Critics say that the harbour is unsafe, but this is false.", argmap.StanceDenial, "Critics"},
		{"The harbour is unsafe", "Critics say that the harbour is unsafe; this is not the case.", argmap.StanceDenial, "Critics"},
		{"The harbour is unsafe", "Critics argue that the harbour is unsafe, yet that claim is simply mistaken.", argmap.StanceDenial, "Critics"},
		{"The harbour is unsafe", "Critics argue that the harbour is unsafe, but they are wrong about the cause.", argmap.StanceSame, "Critics"},
		// a view called exaggerated or unfounded is rejected as a false one is
		{"The harbour is unsafe", "The claim that the harbour is unsafe is exaggerated.", argmap.StanceDenial, ""},
		{"The harbour is unsafe", "Fears that the harbour is unsafe proved unfounded.", argmap.StanceDenial, ""},
		// what nothing shows is reported to deny it; a bound after "no"
		// is no negative quantifier
		{"The harbour is unsafe", "Nothing suggests that the harbour is unsafe.", argmap.StanceDenial, ""},
		{"The harbour is unsafe", "No study has shown that the harbour is unsafe.", argmap.StanceDenial, ""},
		{"The harbour is unsafe", "No fewer than ten inspectors found that the harbour is unsafe.", argmap.StanceSame, "No fewer than ten inspectors"},
		// a name that turns the question's round by one opposed word
		// denies it; another name does not
		{"Donor governments in the Global North fund the harbour", "Donor governments in the Global South fund the harbour.", argmap.StanceDenial, ""},
		{"Donor governments in the Global North fund the harbour", "Donor governments in the Global North fund the harbour.", argmap.StanceSame, ""},
		// what came about later denies what held from the start; a claim
		// that says the start too does not
		{"The ferry company backed the plan from the start", "Over time the ferry company came to back the plan.", argmap.StanceDenial, ""},
		{"The ferry company originally backed the plan", "The ferry company eventually backed the plan.", argmap.StanceDenial, ""},
		{"The ferry company backed the plan from the start", "The ferry company backed the plan from the start and later funded it.", argmap.StanceSame, ""},
		// an acronym of a name's head before its connecting word ("HRs" of
		// "Harbour Rules on Moorings") says the name
		{"The Harbour Rules on Moorings are clear", "The HRs are clear.", argmap.StanceSame, ""},
		// another year in the question's slot denies it; the question's
		// own beside another states it
		{"The harbour was built in 1850", "The harbour was built in 1920.", argmap.StanceDenial, ""},
		{"The ferry company joined the federation in 2016", "The ferry company joined the federation in December 1998.", argmap.StanceDenial, ""},
		{"The ferry company joined the federation in 2016", "The ferry company, founded in 1998, joined the federation in 2016.", argmap.StanceSame, ""},
		// a side is taken on something: a claim that takes a side on another
		// thing the question names ("its support to the drivers") or takes
		// one without saying on what the question says ("the drivers met
		// stiff resistance from the union") neither states nor denies that
		// the side is taken on the question's thing
		{"The union is against the closure of the depot", "The union has always backed the drivers at the depot with its support.", argmap.StanceTopic, ""},
		{"The union is against the closure of the depot", "The drivers' new rota met stiff resistance from the union.", argmap.StanceTopic, ""},
		{"The union is against the closure of the depot", "The union supports the closure of the depot.", argmap.StanceDenial, ""},
		{"The union opposes the closure of the depot", "The union objected to the closure of the depot.", argmap.StanceSame, ""},
	}
	for _, tt := range tests {
		got := s.Judge(tt.question, tt.claim)
		if got.Stance != tt.want || got.Asserter != tt.asserter {
			t.Errorf("Judge(%q, %q) = %+v, want stance %s asserter %q", tt.question, tt.claim, got, tt.want, tt.asserter)
		}
	}
}

func TestAsserter(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Critics say that return from detention cannot be considered voluntary.", "Critics"},
		{"Its critics answer that return from detention is not a free choice.", "critics"},
		{"On one side, Ashutosh and Mountz (2011) say IOM enforces the exclusion of asylum seekers.", "Ashutosh and Mountz"},
		{"According to the IOM website, migrants are its target group.", "IOM website"},
		{"We argue that IOM enforces the exclusion of asylum seekers.", ""},
		{"This chapter shows that IOM expanded its work.", ""},
		{"The record of the past decade shows that the critics have good reasons.", ""},
		{"IOM enforces the exclusion of asylum seekers.", ""},
	}
	for _, tt := range tests {
		if got := extract.Asserter(tt.in); got != tt.want {
			t.Errorf("Asserter(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestExtractRecordsReportedSpeaker(t *testing.T) {
	text := "# Answering the critics\n\nCritics say that return from detention cannot be considered voluntary. We disagree. " +
		"Return from detention can be voluntary when it is the person's own choice, made after counselling.\n"
	g, err := extract.New(extract.Options{}).Extract(context.Background(), argmap.Document{Name: "a.md", MediaType: "text/markdown", Data: []byte(text)})
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	names := map[string]string{}
	for _, a := range g.Actors {
		names[a.ID] = a.Name
	}
	found := false
	for _, c := range g.Claims {
		for _, r := range c.Actors {
			if names[r.ActorID] == "Critics" && r.Role == argmap.RoleAsserts {
				found = true
				if c.Text != "Critics say that return from detention cannot be considered voluntary." {
					t.Errorf("claim asserted by Critics = %q, want the sentence that reports them", c.Text)
				}
			}
		}
	}
	if !found {
		t.Errorf("Extract: no claim with the actor Critics in the role asserts; claims %+v, actors %+v", g.Claims, g.Actors)
	}
}

// TestStanceOddInput: unbalanced brackets, empty and punctuation-only text,
// long text and invalid UTF-8 neither panic nor match.
func TestStanceOddInput(t *testing.T) {
	s := extract.NewStancer()
	for _, in := range []string{"", "  ", ")", "2011) say that", "(((", ") ) critics say that P", "\xff\xfe say that",
		"It is wrong to say that", "Contrary to the view that", "according to ,", strings.Repeat("IOM says that ", 2000)} {
		_ = extract.Asserter(in)
		if j := s.Judge("IOM enforces the exclusion of asylum seekers", in); j.Stance != argmap.StanceTopic {
			t.Errorf("Judge(question, %.40q) = %+v, want topic", in, j)
		}
		_ = s.Judge(in, in)
	}
}

// TestQuestionReportingFrame: a question put as "X say P" asks P.
func TestQuestionReportingFrame(t *testing.T) {
	s := extract.NewStancer()
	claim := "Return from detention cannot be considered voluntary."
	for _, q := range []string{"Critics say return from detention cannot be voluntary", "Critics say that return from detention cannot be voluntary"} {
		if got := s.Judge(q, claim); got.Stance != argmap.StanceSame {
			t.Errorf("Judge(%q, %q) = %+v, want same", q, claim, got)
		}
	}
	// "states" is a noun here, not a reporting verb
	if got := s.Judge("Member states use IOM for their policies", "Member states should not use IOM to carry out their policies."); got.Stance != argmap.StanceDenial {
		t.Errorf("Judge(member states ...) = %+v, want denial", got)
	}
}

func TestRejectedInNextSentence(t *testing.T) {
	const stated = "The relief agency is a tool of its donors."
	const reported = "Several researchers hold that the relief agency is a tool of its donors."
	tests := []struct {
		view, next string
		want       bool
	}{
		// a reported view is the author's denial only when the author
		// rejects it, not a third party
		{reported, "We disagree.", true},
		{reported, "The agency rejects this view.", false},
		{stated, "Recent fieldwork has challenged this view.", true},
		{stated, "I contest that claim.", true},
		{stated, "We disagree.", true},
		{stated, "This view is mistaken.", true},
		{stated, "That is not true.", true},
		{stated, "But this is simply false.", true},
		{stated, "We do not agree.", true},
		{stated, "I don't agree with that view.", true},
		{stated, "We do not agree on the budget.", false},
		{stated, "This explains its priorities in the camps.", false},
		{stated, "Critics have challenged its budget for years.", false},
		{stated, "We disagree with the board about the budget.", false},
	}
	for _, tt := range tests {
		text := "# Letters\n\n" + tt.view + " " + tt.next + " The board meets in May.\n"
		g, err := extract.New(extract.Options{}).Extract(context.Background(), argmap.Document{Name: "a.md", MediaType: "text/markdown", Data: []byte(text)})
		if err != nil {
			t.Fatalf("Extract: %v", err)
		}
		found, got := false, false
		for _, c := range g.Claims {
			if c.Text != tt.view {
				continue
			}
			found = true
			for _, cue := range c.Cues {
				got = got || cue == argmap.CueRejectedView
			}
		}
		if !found {
			t.Errorf("%q: no claim %q in %+v", tt.next, tt.view, g.Claims)
			continue
		}
		if got != tt.want {
			t.Errorf("%q after %q: rejected view = %v, want %v", tt.next, tt.view, got, tt.want)
		}
	}
}

// TestRejectedViewFiledAsEvidence: a view the next sentence rejects that the
// roles stage takes for a finding or a reported view (evidence) becomes a
// claim with the rejected-view cue, and no evidence keeps its text.
func TestRejectedViewFiledAsEvidence(t *testing.T) {
	for _, view := range []string{
		"Smith (2011) found that 80 percent of its projects were chosen by donors.",
		"According to Smith (2011), 80 percent of its projects were chosen by donors.",
		"Smith (2010) showed that the relief agency is a tool of its donors.",
	} {
		text := "# Letters\n\nThe relief agency runs camps in twelve countries. Its budget grew by a third in 2020, mostly from three donors. " +
			view + " I disagree. The board meets in May and sets its own priorities. Donors do not sit on the board.\n"
		g, err := extract.New(extract.Options{}).Extract(context.Background(), argmap.Document{Name: "a.md", MediaType: "text/markdown", Data: []byte(text)})
		if err != nil {
			t.Fatalf("Extract: %v", err)
		}
		marked := false
		for _, c := range g.Claims {
			if c.Text == view {
				for _, cue := range c.Cues {
					marked = marked || cue == argmap.CueRejectedView
				}
			}
		}
		if !marked {
			t.Errorf("%q: no claim with the rejected-view cue; claims %+v", view, g.Claims)
		}
		for _, e := range g.Evidence {
			if e.Text == view {
				t.Errorf("%q is still evidence", view)
			}
		}
		for _, r := range g.Relations {
			for _, id := range append(append([]string(nil), r.From...), r.To) {
				if argmap.KindOf(id) == argmap.KindEvidence {
					found := false
					for _, e := range g.Evidence {
						found = found || e.ID == id
					}
					if !found {
						t.Errorf("%q: relation %s uses evidence %s that is gone", view, r.ID, id)
					}
				}
			}
		}
	}
}

// judgePairs are questions and claims (in our own words) whose cross
// product TestJudgeKeepsQuestions and BenchmarkJudge judge: acronyms defined
// by the question, by a claim, or by neither; conditionals, rejected views,
// reported speech and question sentences.
var judgePairs = struct{ questions, claims []string }{
	questions: []string{
		"The ferry company should be sold",
		"Without a licence the clinic has no duty to report",
		"It is wrong to say that the harbour authority (HA) blocks the ferries",
		"the harbour authority blocks the ferries",
		"Critics say the council wastes money on roads",
		"Internally displaced people lack shelter",
		"IDPs lack shelter",
		"The HA blocks the ferries",
	},
	claims: []string{
		"The ferry company should not be sold.",
		"We believe the ferry company must be sold to a private buyer.",
		"The harbour authority (HA) blocks the ferries every winter.",
		"The HA blocks the ferries.",
		"In winter the harbour authority blocks the ferries.",
		"Does the harbour authority block the ferries?",
		"The clinic has no licence.",
		"Nor does the lack of a licence mean the clinic has no duty to report.",
		"Critics say the council wastes money on roads. We disagree.",
		"Internally displaced people (IDPs) lack shelter in the north.",
		"IDPs lack shelter.",
		"A survey counted internally displaced people (IDPs). Across the north, IDPs lack shelter.",
		"The survey of the Harbour Authority (HA) was late; the HA blocks the ferries.",
		"The weather was mild.",
	},
}

// A Stancer keeps the terms of the questions and the analyses of the
// claims it judged; its judgements must be those of reading both texts
// whole every time, for every pair, in any order.
func TestJudgeKeepsQuestions(t *testing.T) {
	kept := extract.NewStancer()
	for round := 0; round < 2; round++ {
		for qi := range judgePairs.questions {
			q := judgePairs.questions[len(judgePairs.questions)-1-qi]
			if round == 0 {
				q = judgePairs.questions[qi]
			}
			for _, c := range judgePairs.claims {
				want := extract.JudgeWhole(extract.NewStancer(), q, c)
				if got := kept.Judge(q, c); got != want {
					t.Errorf("round %d: Judge(%q, %q) = %+v with kept questions and analyses, %+v read whole", round, q, c, got, want)
				}
			}
		}
	}
}

// BenchmarkJudge judges one question against many claim texts, as an
// answer does for every node it reaches.
func BenchmarkJudge(b *testing.B) {
	s := extract.NewStancer()
	q := judgePairs.questions[0]
	b.ResetTimer()
	for range b.N {
		for _, c := range judgePairs.claims {
			s.Judge(q, c)
		}
	}
}

// TestStancerInContext: a claim whose subject points back (a pronoun, or a
// determiner and a common noun) is judged with that subject read as what
// its gist names in its place; a gist that keeps the subject as written,
// or names nothing in its place, changes nothing.
func TestStancerInContext(t *testing.T) {
	s := extract.NewStancer()
	tests := []struct {
		name, question, text, gist string
		want                       argmap.Stance // as read in context; alone each is topic
	}{
		{"the + noun", "The river board serves the towns",
			"The body now serves the towns.", "The river board now serves the towns",
			argmap.StanceSame},
		{"the + noun, denied", "The river board serves the towns",
			"The body does not serve the towns.", "The river board does not serve the towns",
			argmap.StanceDenial},
		{"it after a discourse marker", "The river board dredges the channel",
			"However, it dredges the channel.", "The river board dredges the channel",
			argmap.StanceSame},
		{"this + noun", "The river board dredges the channel",
			"This body dredges the channel.", "The river board dredges the channel",
			argmap.StanceSame},
		{"that: a statement", "The closure of the shelter by the council is a disgrace",
			"That is a disgrace.", "That the council closed the shelter is a disgrace",
			argmap.StanceSame},
		{"its", "The river board's budget doubled",
			"Its budget doubled.", "The river board's budget doubled",
			argmap.StanceSame},
		{"those + noun after the subject", "Ferry terminals in Denmark give travellers adequate shelter",
			"The inspectors described those terminals in May as places of long queues and scant shelter.",
			"The inspectors described Danish ferry terminals in May as places of long queues and scant shelter.",
			argmap.StanceDenial},
		{"those + noun after the subject, stated", "The harbour inspectors closed the Danish ferry terminals",
			"The inspectors closed those terminals in May.", "The inspectors closed Danish ferry terminals in May.",
			argmap.StanceSame},
		{"a gist that keeps the subject", "The river board dredges the channel",
			"The council dredges the channel.", "The council dredges the channel",
			argmap.StanceTopic},
		{"no gist", "The river board dredges the channel",
			"It dredges the channel.", "",
			argmap.StanceTopic},
		{"a gist that does not restate the text", "The river board dredges the channel",
			"It dredges the channel.", "The river board cleans the channel",
			argmap.StanceTopic},
		{"a named subject is not replaced", "The river board dredges the channel",
			"Port Authority dredges the channel.", "The river board dredges the channel",
			argmap.StanceTopic},
		{"an adjective is not a noun", "The river board dredges the channel",
			"The new dredges the channel.", "The river board dredges the channel",
			argmap.StanceTopic},
		{"a pronoun after a clause set before the main one", "The river board dredges the channel",
			"Far from idle in the winter months, it dredges the channel.", "The river board dredges the channel",
			argmap.StanceSame},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if alone := s.Judge(tc.question, tc.text); alone.Stance != argmap.StanceTopic {
				t.Fatalf("read alone %q is %+v: the case tests nothing", tc.text, alone)
			}
			got := s.JudgeAllInContext(tc.question, []string{tc.text}, []string{tc.gist})[0]
			if got.Stance != tc.want {
				t.Errorf("JudgeAllInContext(%q, %q, gist %q) = %+v, want %s", tc.question, tc.text, tc.gist, got, tc.want)
			}
		})
	}
}

// TestAvoidingShortQuestion: a question of one word besides names whose
// verb is one of avoiding needs the avoiding said; a claim that only
// mentions its word, among candidates that all name its subject, neither
// states nor denies it.
func TestAvoidingShortQuestion(t *testing.T) {
	s := extract.NewStancer()
	q := "The Port Authority evades inspections"
	texts := []string{
		"The Port Authority published its inspections.",
		"The Port Authority avoided inspections for years.",
		"The Port Authority runs the harbour.",
		"The Port Authority hired new pilots.",
		"The Port Authority raised its fees.",
		"The Port Authority owns the ferry terminal.",
		"The Port Authority met the fishermen in May.",
		"The Port Authority dredged the channel.",
	}
	judgedFirst(t, s, q, texts, argmap.StanceTopic, argmap.StanceSame)
}

// TestAvoidingLongQuestion: in a longer question a verb of avoiding weighs
// as a manner word: among candidates that all share the question's nouns,
// a claim that only mentions them neither states nor denies it, and one
// that avoids them states it.
func TestAvoidingLongQuestion(t *testing.T) {
	s := extract.NewStancer()
	q := "Harbour firms evade their maintenance obligations"
	texts := []string{
		"The harbour firms published their maintenance obligations.",
		"Harbour firms avoid their maintenance obligations.",
		"The harbour firms discussed their maintenance obligations in May.",
		"Harbour firms listed their maintenance obligations in a report.",
		"The harbour firms printed their maintenance obligations on a poster.",
		"Harbour firms explained their maintenance obligations to the council.",
		"The harbour firms counted their maintenance obligations.",
		"Harbour firms compared their maintenance obligations with the port's.",
	}
	judgedFirst(t, s, q, texts, argmap.StanceTopic, argmap.StanceSame)
}

// TestPersonsArePeople: "persons" is read as "people", its plural in
// common use, which WordNet does not tie to it; "people" does not become a
// broader word for every kind of person ("the stranded passengers").
func TestPersonsArePeople(t *testing.T) {
	s := extract.NewStancer()
	q := "The ferry company moved stranded people to the mainland"
	texts := []string{
		"The ferry company moved stranded persons to the mainland.",
		"The ferry company moved stranded passengers to the mainland.",
		"The ferry company moved its boats to the mainland.",
		"The ferry company moved its office to the mainland.",
		"The ferry company moved cars to the mainland.",
		"The ferry company moved freight to the mainland.",
		"The ferry company moved its staff to the mainland.",
		"The ferry company moved sheep to the mainland.",
	}
	judgedFirst(t, s, q, texts, argmap.StanceSame, argmap.StanceTopic)
}

// TestCauseConnective: the noun of "in response to" or "as a result of" is
// no word a claim must say: "after the flood" states "in response to the
// flood". "Response" as a word of its own still is one.
func TestCauseConnective(t *testing.T) {
	s := extract.NewStancer()
	distractors := []string{
		"The harbour board built the sea wall in 1990.",
		"The harbour board built the sea wall with oak.",
		"The harbour board built the sea wall at great cost.",
		"The harbour board built the sea wall for the ferry.",
		"The harbour board built the sea wall last year.",
		"The harbour board built the sea wall and the slipway.",
		"The flood reached the harbour.",
	}
	tests := []struct {
		question, claim string
		want            argmap.Stance
	}{
		{"The harbour board built the sea wall in response to the flood", "After the flood, the harbour board built the sea wall.", argmap.StanceSame},
		{"The harbour board built the sea wall as a result of the flood", "The harbour board built the sea wall because of the flood.", argmap.StanceSame},
		{"The harbour board's response to the flood was a sea wall", "After the flood, the harbour board built a sea wall.", argmap.StanceTopic},
	}
	for _, tc := range tests {
		judgedFirst(t, s, tc.question, append([]string{tc.claim}, distractors...), tc.want)
	}
}

// TestAcronymSpellsName: an acronym meets the name whose words' initials
// spell it, connecting words left out, though no text defines it ("the
// EU" / "the European Union"); not a longer name that only opens with
// those words (the UN is not the UN High Commissioner for Refugees).
func TestAcronymSpellsName(t *testing.T) {
	s := extract.NewStancer()
	distractors := []string{
		"The harbour board reports to the council.",
		"The harbour board reports to the minister.",
		"The harbour board reports to the port authority.",
		"The harbour board reports to the auditors every year.",
		"The harbour board reports to the fishermen.",
		"The harbour board reports to the ferry company.",
		"The harbour board reports to the press.",
	}
	tests := []struct {
		question, claim string
		want            argmap.Stance
	}{
		{"The harbour board reports to the EU", "The harbour board reports to the European Union.", argmap.StanceSame},
		{"The harbour board reports to UNHCR", "The harbour board reports to the Executive Committee of the United Nations High Commissioner for Refugees.", argmap.StanceSame},
		{"The harbour board reports to the UN", "The harbour board reports to the United Nations High Commissioner for Refugees.", argmap.StanceTopic},
	}
	for _, tc := range tests {
		judgedFirst(t, s, tc.question, append([]string{tc.claim}, distractors...), tc.want)
	}
}

// judgedFirst checks that JudgeAll(q, texts), which weighs the question's
// terms over all the texts, gives the first texts the stances want.
func judgedFirst(t *testing.T, s *extract.Stancer, q string, texts []string, want ...argmap.Stance) {
	t.Helper()
	got := s.JudgeAll(q, texts)
	for i, w := range want {
		if got[i].Stance != w {
			t.Errorf("JudgeAll(%q)[%q] = %s (%.3f), want %s", q, texts[i], got[i].Stance, got[i].Score, w)
		}
	}
}

// TestShortStemDerivation: an adjective and the noun it is derived from
// meet through a Snowball stem of five letters ("political" / "politics"),
// in part; among candidates that all name the subject, that part decides.
func TestShortStemDerivation(t *testing.T) {
	s := extract.NewStancer()
	q := "The harbour dispute turned political"
	texts := []string{
		"The harbour dispute turned into a matter of politics.",
		"The harbour dispute turned into a matter of money.",
		"The harbour dispute lasted two years.",
		"The harbour dispute closed the quay.",
		"The harbour dispute began in May.",
		"The harbour dispute split the town.",
		"The harbour dispute reached the courts.",
		"The harbour dispute ended quietly.",
	}
	judgedFirst(t, s, q, texts, argmap.StanceSame, argmap.StanceTopic)
}

// TestBestAvailable: a question in other words than its sources'
// ("bankrolls" of "pays for", which WordNet does not tie) misses the
// threshold in every candidate by the weight of the paraphrased word; when
// no candidate states or denies it, the one closest to stating it does,
// since it also covers the question's words counted alike; the others,
// further below, stay on the topic. (Candidates that tie with it are
// listed too, whatever their verb: the rule cannot tell them apart.)
func TestBestAvailable(t *testing.T) {
	s := extract.NewStancer()
	q := "The harbour board bankrolls the lifeboat crew"
	texts := []string{
		"The harbour board pays for the lifeboat crew.",
		"The harbour board inspected the lifeboat.",
		"The harbour board raised mooring fees.",
		"The lifeboat crew trains on Sundays.",
		"The lifeboat crew rescued two divers.",
		"The harbour board owns the slipway.",
		"The harbour board thanked the crew.",
		"The lifeboat needs a new engine.",
	}
	judgedFirst(t, s, q, texts, argmap.StanceSame, argmap.StanceTopic, argmap.StanceTopic, argmap.StanceTopic,
		argmap.StanceTopic, argmap.StanceTopic, argmap.StanceTopic, argmap.StanceTopic)
}

// TestHedgeWeighsNothing: "not really X" denies X as "not X" does, so an
// emphasiser right after a negation costs a claim nothing that says the
// rest; an emphasiser with no negation before it still weighs, as a
// manner word does.
func TestHedgeWeighsNothing(t *testing.T) {
	s := extract.NewStancer()
	claim := "Night buses cannot be called cheap when a single ticket costs six pounds."
	hedged := s.Judge("Night buses are not really cheap when a ticket costs six pounds", claim)
	plain := s.Judge("Night buses are not cheap when a ticket costs six pounds", claim)
	if hedged.Stance != argmap.StanceSame || plain.Stance != argmap.StanceSame {
		t.Fatalf("stances %s and %s, want same for both", hedged.Stance, plain.Stance)
	}
	if hedged.Score != plain.Score {
		t.Errorf("\"not really cheap\" scores %.3f, \"not cheap\" %.3f: the hedge should weigh nothing", hedged.Score, plain.Score)
	}
	claim = "The night bus helps shift workers get home."
	emph := s.Judge("The night bus genuinely helps shift workers get home", claim)
	bare := s.Judge("The night bus helps shift workers get home", claim)
	if emph.Score >= bare.Score {
		t.Errorf("\"genuinely helps\" scores %.3f, \"helps\" %.3f: an emphasiser with no negation before it still weighs", emph.Score, bare.Score)
	}
}
