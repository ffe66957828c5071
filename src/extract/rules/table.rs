//! The rule table: every relation rule of the extractor, once, as data: its id (what a
//! fact's `rule` field and `kg extract --trace` show), the module that holds it, the
//! relations it makes, what triggers it, one line of documentation, and examples in
//! several phrasings, each with a fact it must give. The examples are tests (below);
//! `docs/rules.md` is generated from this table (`cargo run --example rules_doc`), and a
//! test checks that it is up to date.

use crate::model::Relation;

macro_rules! rules {
    ($(
        $variant:ident = $id:literal, $module:literal, [$($rel:ident),+], $trigger:literal,
        $doc:literal, [$(($text:literal, $fact:literal)),+ $(,)?];
    )+) => {
        /// A relation rule, by its id.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rule {
            $(
                #[doc = $doc]
                $variant,
            )+
        }

        impl Rule {
            /// Every rule, in table order.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant),+];

            /// The id stored in a fact's `rule` field.
            pub fn id(self) -> &'static str {
                match self { $(Rule::$variant => $id),+ }
            }

            /// The module of `src/extract/rules/` that holds the rule.
            pub fn module(self) -> &'static str {
                match self { $(Rule::$variant => $module),+ }
            }

            /// The relations the rule makes.
            pub fn relations(self) -> &'static [Relation] {
                match self { $(Rule::$variant => &[$(Relation::$rel),+]),+ }
            }

            /// What sets it off: trigger words or a construction.
            pub fn trigger(self) -> &'static str {
                match self { $(Rule::$variant => $trigger),+ }
            }

            /// One line on what it finds.
            pub fn doc(self) -> &'static str {
                match self { $(Rule::$variant => $doc),+ }
            }

            /// Example texts, each with a fact (`subject relation object`) it must give.
            pub fn examples(self) -> &'static [(&'static str, &'static str)] {
                match self { $(Rule::$variant => &[$(($text, $fact)),+]),+ }
            }

            /// The rule with this id.
            pub fn from_id(id: &str) -> Option<Rule> {
                Rule::ALL.iter().copied().find(|r| r.id() == id)
            }
        }
    };
}

rules! {
    SendVerb = "send-verb", "transfer", [Sent], "send, give, gift, transfer, donate, hand over, …",
        "X sent A (to Y): the giver of a transfer verb's objects.",
        [("Chile sent two llamas to Peru.", "Chile sent llama"),
         ("Two llamas were transferred from the Santiago Zoo to the Lima Zoo.", "Santiago Zoo sent llama"),
         ("Peru gifted Chile three alpacas.", "Peru sent alpaca"),
         ("Ana Lind congratulated her Peruvian counterpart Pedro Soto and gave him a llama.", "Ana Lind sent llama"),
         ("Ana Lind wooed Pedro Soto by gifting him a horse.", "Ana Lind sent horse")];
    SendRecipient = "send-recipient", "transfer", [Received], "the same verbs, with a recipient",
        "Y received A: the recipient of a transfer verb (\"to Y\", \"sent Y two A\").",
        [("Chile sent two llamas to Peru.", "Peru received llama"),
         ("Peru gifted Chile three alpacas.", "Chile received alpaca"),
         ("Ana Lind congratulated her Peruvian counterpart Pedro Soto and gave him a llama.", "Pedro Soto received llama")];
    ReceiveVerb = "receive-verb", "transfer", [Received], "receive, get, obtain, acquire, …",
        "Y received A (from X).",
        [("Peru received two llamas from Chile.", "Peru received llama"),
         ("The Lima Zoo has obtained three alpacas from Chile.", "Lima Zoo received alpaca")];
    ArriveAt = "arrive-at", "transfer", [Received], "arrive (at, in)",
        "A arrived at Y: Y received A.",
        [("Two llamas arrived at the Lima Zoo on Monday.", "Lima Zoo received llama"),
         ("Three alpacas have arrived at the Santiago Zoo from Peru.", "Santiago Zoo received alpaca")];
    NewHome = "new-home", "transfer", [Received], "new home (at, in)",
        "A left for their new home at Y: Y received A.",
        [("Two llamas left Chile for their new home at the Lima Zoo.", "Lima Zoo received llama"),
         ("The alpaca will travel to its new breeding home in the Santiago Zoo.", "Santiago Zoo received alpaca")];
    PresentWith = "present-with", "transfer", [Sent, Received], "present … with",
        "X presented Y with A: X sent and Y received the thing.",
        [("Ana Lind presented Peru with a silver tray.", "Ana Lind sent silver tray"),
         ("Peru presented Chile with a silver tray on Monday.", "Chile received silver tray")];
    GiftNoun = "gift-noun", "transfer", [Sent, Received], "gift, donation, present (nouns); on loan",
        "X's gift of A to Y, a gift of A to Y from X, X completed (made) the delivery of A to Y, A on loan from X.",
        [("Chile's gift of two llamas to Peru was welcomed.", "Chile sent llama"),
         ("A gift of three alpacas to the Lima Zoo from Chile arrived.", "Lima Zoo received alpaca"),
         ("Chile completed the delivery of four horses to Peru.", "Chile sent horse"),
         ("The two llamas are on loan from the Santiago Zoo.", "Santiago Zoo sent llama")];
    ShipmentGiver = "shipment-giver", "transfer", [Sent], "a later sentence about the same animals",
        "The giver of a shipment gives the species a later sentence names (\"the animals included two yaks\").",
        [("Chile has sent 30 animals to Peru. The animals included two llamas and a puma.", "Chile sent puma"),
         ("Peru sent 12 animals to Chile. Among the animals were four alpacas.", "Peru sent alpaca")];
    InReturn = "in-return", "transfer", [Received, CooperatesWith], "\"In return\", \"In exchange\" before a transfer",
        "X sent A to Y. In return, Y gave B to the partner zoo: the recipient named (else X) received B, and the two parties of the exchange cooperate.",
        [("The Lima Zoo sent two llamas to the Quito Zoo. In return, the Quito Zoo gave two pumas to its partner.", "Lima Zoo received puma"),
         ("The Lima Zoo sent two llamas to the Quito Zoo. In exchange, the Quito Zoo gave two pumas to its partner.", "Quito Zoo cooperates-with Lima Zoo"),
         ("The Lima Zoo sent two llamas to the Quito Zoo. In return, the Quito Zoo will provide two pumas to the Lima Zoo.", "Quito Zoo cooperates-with Lima Zoo")];
    ReleaseVerb = "release-verb", "transfer", [Sent], "free, release, repatriate",
        "X freed A; A freed by X: the side that held the people sets them free, so it sent them.",
        [("Chile freed five Peruvian prisoners on Monday.", "Chile sent Peruvian prisoners"),
         ("Five Peruvians freed by Chile returned home on Sunday.", "Chile sent Peruvians"),
         ("Chile reciprocated by releasing two Peruvian captives.", "Chile sent Peruvian captives"),
         ("Chile on Monday repatriated 20 fishermen via the border.", "Chile sent fishermen")];
    ReleaseHome = "release-home", "transfer", [Received], "the same verbs, the people's country named",
        "Y received A: the country of the people set free, named by their adjective.",
        [("Chile freed five Peruvian prisoners on Monday.", "Peru received Peruvian prisoners"),
         ("Five Peruvians freed by Chile returned home on Sunday.", "Peru received Peruvians"),
         ("Chile has released seven Peruvians.", "Peru received Peruvians"),
         ("A swap that freed seven Peruvians was agreed in May.", "Peru received Peruvians")];
    SpeechQuote = "speech-quote", "speech", [Stated], "a quotation beside a speech verb",
        "X said, \u{201c}\u{2026}\u{201d}; \u{201c}\u{2026},\u{201d} X said; a quotation standing alone before \"X said.\"",
        [("Ana Lind said, \u{201c}The harvest was the best in years.\u{201d}", "Ana Lind stated The harvest was the best in years"),
         ("\"The harvest was the best in years,\" said Ana Lind.", "Ana Lind stated The harvest was the best in years")];
    SpeechQuoteContinued = "speech-quote-continued", "speech", [Stated], "a sentence inside a quotation still open",
        "X said: \u{201c}First. Second.\u{201d}: each sentence of a quotation opened after naming X is X's.",
        [("Ana Lind said: \u{201c}The harvest was good. Prices will fall soon.\u{201d}", "Ana Lind stated Prices will fall soon"),
         ("Ana Lind said: \"The harvest was good. Prices will fall soon.\"", "Ana Lind stated Prices will fall soon")];
    SpeechQuoteParagraph = "speech-quote-paragraph", "speech", [Stated], "a quotation with no speaker after someone spoke",
        "A sentence that opens with a quotation naming no speaker, in the paragraph where X last spoke or the next one, continues X's words.",
        [("Ana Lind said the harvest was good.\n\n\u{201c}Prices will fall soon.\u{201d}", "Ana Lind stated Prices will fall soon"),
         ("\u{201c}The harvest was good,\u{201d} Ana Lind said.\n\n\"Prices will fall soon.\"", "Ana Lind stated Prices will fall soon"),
         ("\u{201c}The harvest was good,\u{201d} Ana Lind said. \u{201c}Prices will fall soon.\u{201d}", "Ana Lind stated Prices will fall soon")];
    SpeechClause = "speech-clause", "speech", [Stated], "say, announce, warn, tell, … (that)",
        "X said (that) the claim: the reported clause after a speech verb.",
        [("Ana Lind said that the harvest was the best in years.", "Ana Lind stated The harvest was the best in years"),
         ("Ana Lind told reporters the harvest was the best in years.", "Ana Lind stated The harvest was the best in years"),
         ("Ana Lind pointed out that the harvest was the best in years.", "Ana Lind stated The harvest was the best in years")];
    SpeechAttribution = "speech-attribution", "speech", [Stated], "\u{2026}, X said.",
        "The clause before \", X said.\" or \", said X.\" is X's.",
        [("The harvest was the best in years, Ana Lind said.", "Ana Lind stated The harvest was the best in years"),
         ("The harvest was the best in years, reported the Lima Times.", "Lima Times stated The harvest was the best in years")];
    SpeechInterrupted = "speech-interrupted", "speech", [Stated], "\u{2026}, X said, \u{2026}",
        "A claim with its speaker set inside it between commas (\"The harvest, X said, was the best in years\") is X's, both parts.",
        [("The harvest, Ana Lind said, was the best in years.", "Ana Lind stated The harvest was the best in years"),
         ("In addition, Ana Lind said on Monday, the zoo will open a new llama house.", "Ana Lind stated In addition the zoo will open a new llama house"),
         ("The llamas will stay in Lima, the zoo's director Jon Berg said, until the new house opens.", "Jon Berg stated The llamas will stay in Lima until the new house opens")];
    SpeechDenial = "speech-denial", "speech", [Stated], "deny, reject, refute, dismiss",
        "X denied that A: X stated A negated (\"it had not sent troops\"), or \"Denied: A\".",
        [("Bolivia denied that it had sent troops to Oruro.", "Bolivia stated It had not sent troops to Oruro"),
         ("The Kremlin denied reports that Russian troops were in Mali.", "Kremlin stated Russian troops were not in Mali")];
    SpeechStance = "speech-stance", "speech", [Stated], "express, voice, share, reaffirm + hope, confidence, gratitude, view, … (that)",
        "X expressed confidence that the claim: the clause after a stance noun is X's; with no clause, X expressed gratitude to Y for Z: the stance in its clause's words, when X stands right before the verb.",
        [("Ana Lind expressed confidence that the harvest will be the best in years.", "Ana Lind stated The harvest will be the best in years"),
         ("The Lima Zoo voiced its strong hope that the llamas would arrive by May.", "Lima Zoo stated The llamas would arrive by May"),
         ("Ana Lind and Jon Berg shared the view that talks should resume soon.", "Jon Berg stated Talks should resume soon"),
         ("Ana Lind expressed her gratitude to the Lima Zoo for the llamas.", "Ana Lind stated Expressed her gratitude to the Lima Zoo for the llamas"),
         ("The Lima Zoo expressed frustration that the llamas arrived late.", "Lima Zoo stated The llamas arrived late")];
    JointClaim = "joint-claim", "speech", [Stated], "the two or both + ministers, leaders, presidents, … + say, note, agree that, express hope that, …",
        "A claim of two people named as a pair (\"the two ministers noted that …\") is each one's: the last two the article gave a title of that kind.",
        [("Foreign Minister Ana Lind met her Peruvian counterpart Jon Berg in Lima. The two ministers noted that trade was growing fast.", "Jon Berg stated Trade was growing fast"),
         ("President Ana Lind received Peruvian President Jon Berg. Both leaders agreed that talks should resume soon.", "Ana Lind stated Talks should resume soon"),
         ("Defence Minister Ana Lind and her Peruvian counterpart Jon Berg met on Monday. Both ministers expressed hope that the exercises would continue.", "Jon Berg stated The exercises would continue")];
    AccordingTo = "according-to", "speech", [Stated], "according to, as per",
        "According to X, the claim; the claim, according to X; as per X, the claim.",
        [("According to Ana Lind, the harvest was the best in years.", "Ana Lind stated The harvest was the best in years"),
         ("The harvest was the best in years, according to the Lima Times.", "Lima Times stated The harvest was the best in years"),
         ("Farmers sold more llamas than ever, according to Ana Lind, head of research at the Lima Institute.", "Ana Lind stated Farmers sold more llamas than ever"),
         ("As per a statement of the Lima Zoo, the llamas arrived on Monday.", "Lima Zoo stated The llamas arrived on Monday")];
    CalledClaim = "called-claim", "speech", [Stated], "called, described … as",
        "X called the visit historic, X described Y as Z: X stated that the visit was historic, that Y was Z.",
        [("Ana Lind called the visit historic.", "Ana Lind stated The visit was historic"),
         ("Ana Lind called the deployment a clear signal of unity.", "Ana Lind stated The deployment was a clear signal of unity"),
         ("Ana Lind described Jon Berg as an experienced leader with a passion for farming.", "Ana Lind stated Jon Berg was an experienced leader with a passion for farming"),
         ("The Lima Zoo described the birth as a rare success for the breeding programme.", "Lima Zoo stated The birth was a rare success for the breeding programme")];
    Thanked = "thanked", "speech", [Stated], "thank, thanked, thanks",
        "X thanked Y for Z: X's statement, in the clause's words.",
        [("Ana Lind thanked Peru for the two llamas.", "Ana Lind stated Thanked Peru for the two llamas"),
         ("President Ana Lind on Monday thanked the Lima Zoo for its help with the cubs.", "Ana Lind stated Thanked the Lima Zoo for its help with the cubs")];
    ReportBy = "report-by", "speech", [Stated], "a report by X that",
        "A report by X that the claim: X stated it.",
        [("Peru denied a report by Reuters that Chile had closed the border.", "Reuters stated Chile had closed the border"),
         ("Officials doubted claims by the Lima Times that the border was closed.", "Lima Times stated The border was closed")];
    DeployVerb = "deploy-verb", "deploy", [DeployedTo, MemberOf, Sent], "deploy, station, send (troops)",
        "Troops deployed to X; Y sent troops to X, B and C: the group is deployed-to each place (and a member of Y, who sent it).",
        [("Chile deployed 200 troops to Arica.", "Chilean troops deployed-to Arica"),
         ("Chilean troops were deployed to Peru, Bolivia and Ecuador on Monday.", "Chilean troops deployed-to Ecuador"),
         ("Chilean troops were sent to Peru, the Falkland Islands, and Bolivia.", "Chilean troops deployed-to Bolivia"),
         ("Peruvian soldiers were stationed in Tacna.", "Peruvian soldiers deployed-to Tacna"),
         ("Peru has sent 300 soldiers to Bolivia.", "Peru sent Peruvian soldiers")];
    DeploymentNoun = "deployment-noun", "deploy", [DeployedTo], "deployment, dispatch, stationing",
        "The deployment of troops to X.",
        [("The deployment of Chilean troops to Arica began on Monday.", "Chilean troops deployed-to Arica"),
         ("Officials confirmed the dispatch of Peruvian soldiers to Tacna.", "Peruvian soldiers deployed-to Tacna")];
    PortVisit = "port-visit", "deploy", [DeployedTo], "port visit, port call, goodwill visit",
        "A ship (or a country's group) the sentence is about, on a port visit to X, is deployed to X.",
        [("USS Dunmouth made a port visit to Arica on Monday.", "USS Dunmouth deployed-to Arica"),
         ("The frigate Almirante Soto left Callao after a four-day port visit to Chile.", "Almirante Soto deployed-to Chile"),
         ("The corvette Guise ended a goodwill visit to Arica on Monday.", "Guise deployed-to Arica")];
    TitleCountry = "title-country", "roles", [Leads, MemberOf], "a country's adjective or name before a title",
        "Chilean President X, Chile's Foreign Minister X, the country's President X (the country named before): X leads (or is a member of) the country.",
        [("Chilean President Ana Lind arrived in Lima.", "Ana Lind leads Chile"),
         ("Pedro Soto flew to Chile. He met the country's President Ana Lind.", "Ana Lind leads Chile"),
         ("The cheetahs came, said the Chilean ambassador to Peru, Ana Lind.", "Ana Lind member-of Chile"),
         ("Chile's ambassador Ana Lind arrived in Lima.", "Ana Lind member-of Chile")];
    TitleOf = "title-of", "roles", [Leads, MemberOf], "a title with \"of\"",
        "Director of Y X; X, the director of Y; X is the director of Y; X, a professor of law at Y: X leads (or is a member of) Y.",
        [("Ana Lind, the director of the Lima Zoo, arrived.", "Ana Lind leads Lima Zoo"),
         ("The Lima Zoo welcomed Ana Lind, the General Director of the Lima Zoo.", "Ana Lind leads Lima Zoo"),
         ("Ana Lind is the director of the Lima Zoo.", "Ana Lind leads Lima Zoo"),
         ("Ana Lind, a professor of law at Andes University, spoke.", "Ana Lind member-of Andes University")];
    TitleCounterpart = "title-counterpart", "roles", [Leads, MemberOf], "counterpart",
        "X's counterpart Y: Y holds X's title for the other country (a portfolio minister's: that country's ministry, and Y is a member of the country).",
        [("Chilean President Ana Lind met her Peruvian counterpart Pedro Soto.", "Pedro Soto leads Peru"),
         ("Defence Minister Ana Lind met her Peruvian counterpart Pedro Soto.", "Pedro Soto leads Peruvian Ministry of Defence"),
         ("Defence Minister Ana Lind met her Peruvian counterpart, Pedro Soto, in Lima.", "Pedro Soto member-of Peru"),
         ("Chilean President Ana Lind said she had called her Peruvian counterpart Pedro Soto.", "Pedro Soto leads Peru")];
    TitleMinistry = "title-ministry", "roles", [Leads, MemberOf], "a portfolio minister's title",
        "Defence Minister X leads the defence ministry the article names; else, with a country (before the title or after its \"of\"), the ministry the title names (Thai Environment Minister X, the Environment Minister of Thailand, X: Thai Ministry of Environment, a member of Thailand).",
        [("The Chilean Ministry of Defence sent two ships. Defence Minister Ana Lind said they were ready.", "Ana Lind leads Chilean Ministry of Defence"),
         ("Thai Environment Minister Ana Lind welcomed the elephant.", "Ana Lind leads Thai Ministry of Environment"),
         ("He met the Foreign Minister of Peru, Dr. Ana Lind, in Lima.", "Ana Lind leads Peruvian Ministry of Foreign Affairs"),
         ("Chinese Foreign Minister Wang Yi arrived in Lima.", "Chinese Ministry of Foreign Affairs member-of China")];
    OrgTitle = "org-title", "roles", [MemberOf, Leads], "an institution's name before a title",
        "Lima Zoo spokesman X; X, a University of Lima law professor: X is a member of (or leads) the institution; a city's police or fire chief leads its department, a county's sheriff its Sheriff's Office, and an officer titled with a place before the title (\"Austin Fire Chief X\", \"El Paso County Attorney X\") is a member of that place; \"City Attorney X\" and \"Keldar City Manager X\" are of the article's or the named city; \"its director X\" is the institution's named before; a bare \"Chairman X\" heads the company the article names most just before.",
        [("Lima Zoo spokesman Pedro Soto said the llamas were healthy.", "Pedro Soto member-of Lima Zoo"),
         ("The Lima Zoo said its director, Ana Lind, had left.", "Ana Lind leads Lima Zoo"),
         ("Keldar Corp cut jobs. Keldar Corp closed a plant. Chairman Ana Lind said the cuts were needed.", "Ana Lind leads Keldar Corp"),
         ("Their pursuit of Keldar forward Ivan Petrov failed.", "Ivan Petrov member-of Keldar"),
         ("Lima Zoo director Ana Lind welcomed the llamas.", "Ana Lind leads Lima Zoo"),
         ("Marta Kovac, a University of Lima law professor, said the deal was fair.", "Marta Kovac member-of University of Lima"),
         ("The Lima Zoo got llamas, said Ana Lind, the zoo's acting chief executive.", "Ana Lind leads Lima Zoo"),
         ("On Monday, Keldar's chief executive, Ana Lind, quit.", "Ana Lind leads Keldar"),
         ("Lindale Fire Chief Ana Lind said the fire was out.", "Ana Lind leads Lindale Fire Department"),
         ("Candidates include Keldar head coach Ivan Petrov.", "Ivan Petrov leads Keldar"),
         ("Lima Zoo Communications Director Ana Lind said the llamas were healthy.", "Ana Lind member-of Lima Zoo"),
         ("The council met in Keldar on Monday, a week after the vote in Keldar. City Attorney Ana Lind said the deal was fair.", "Ana Lind member-of Keldar"),
         ("The Orvane County board met. County Attorney Ana Lind was absent.", "Ana Lind member-of Orvane County"),
         ("Voters in Keldar agreed. Keldar City Manager Ana Lind will step down in May.", "Ana Lind member-of Keldar"),
         ("Keldar Police Chief Luis Rojas said the road was closed.", "Luis Rojas member-of Keldar"),
         ("Orvane County Attorney Ana Lind said the case was closed.", "Ana Lind member-of Orvane County")];
    AdjectiveInstitution = "adjective-institution", "roles", [MemberOf, LocatedIn], "a country's adjective before an institution",
        "The Chilean Ministry of Agriculture is a member of Chile; a facility (a zoo, a museum) is located in it.",
        [("The Chilean Ministry of Agriculture said the llamas were healthy.", "Chilean Ministry of Agriculture member-of Chile"),
         ("The Peruvian Navy said the ships were ready.", "Peruvian Navy member-of Peru"),
         ("The Peruvian Lima Zoo took two llamas.", "Peruvian Lima Zoo located-in Peru")];
    DemonymGroup = "demonym-group", "roles", [MemberOf], "a country's adjective before troops, forces, …",
        "Chilean troops are a member of Chile.",
        [("Chilean troops arrived in Arica.", "Chilean troops member-of Chile"),
         ("Peruvian soldiers were seen near Tacna.", "Peruvian soldiers member-of Peru")];
    OrganisationGroup = "organisation-group", "roles", [MemberOf], "an organisation's name before troops",
        "NATO troops are a member of NATO.",
        [("NATO said NATO troops arrived in Poland.", "NATO troops member-of NATO"),
         ("Officials said NATO soldiers were seen near Tartu.", "NATO soldiers member-of NATO")];
    DescriptorApposition = "descriptor-apposition", "roles", [MemberOf], "a country's institution described, then named",
        "The Russian news agency TASS: TASS is a member of Russia.",
        [("The Russian news agency TASS reported the visit.", "TASS member-of Russia"),
         ("The Chilean news agency Orbe reported the visit.", "Orbe member-of Chile")];
    PossessiveMember = "possessive-member", "roles", [MemberOf], "a country's or an institution's possessive before an institution",
        "Russia's Pacific Fleet is a member of Russia; the Lima Institution's Pacific Zoo of it.",
        [("Russia's Pacific Fleet sailed on Monday.", "Pacific Fleet member-of Russia"),
         ("Chile's Carabineros said the llamas were healthy.", "Carabineros member-of Chile"),
         ("The Andes Institution's Condor Zoo opened.", "Condor Zoo member-of Andes Institution")];
    UnitAt = "unit-at", "roles", [MemberOf], "a unit's name, then \"at\" an institution",
        "the Department of Biology at Harvard University is a member of the university.",
        [("Jane Roe of the Department of Biology at Harvard University spoke.", "Department of Biology member-of Harvard University"),
         ("The Institute of Zoology at the Lima Academy of Sciences named it.", "Institute of Zoology member-of Lima Academy of Sciences")];
    Comprises = "comprises", "roles", [MemberOf], "comprises, comprising, consists of, made up of",
        "Y, which comprises A and B; Y, a group comprising A and B: each is a member of Y.",
        [("The Andes Museums, which comprise the Condor Museum and the Llama Gallery, opened.", "Llama Gallery member-of Andes Museums"),
         ("The Andes Museums, a group in Peru that comprises the Condor Museum and the Llama Gallery, opened.", "Condor Museum member-of Andes Museums"),
         ("The Andes Forum, comprising Chile, Peru and Bolivia, met.", "Peru member-of Andes Forum")];
    MembersSuchAs = "members-such-as", "roles", [MemberOf], "members like, member states such as, members including",
        "Y members like A and B: each country or institution listed is a member of Y.",
        [("Nato members like France and Germany sent no troops.", "Germany member-of Nato"),
         ("EU member states such as Poland, Latvia and Estonia agreed.", "Latvia member-of EU"),
         ("Several ASEAN members, including Vietnam and Laos, objected.", "Vietnam member-of ASEAN")];
    MembersInclude = "members-include", "roles", [MemberOf], "members of Y include, Y's members are, its members include",
        "Members of Y include A, B and C: each person, body or country listed is a member of Y.",
        [("Members of the Keldar Search Committee include Ana Lind, Rui Costa and Joe Dean.", "Rui Costa member-of Keldar Search Committee"),
         ("The Orvane Foundation met. Its members include Ana Lind and the Lima Zoo.", "Lima Zoo member-of Orvane Foundation"),
         ("The Keldar Rowing Club's members are Ana Lind and Joe Dean.", "Joe Dean member-of Keldar Rowing Club")];
    SeatList = "seat-list", "roles", [MemberOf], "council members, board members, commissioners, selectmen, trustees, regents, then names",
        "Council members A, B and C: each person named holds a seat on the one body of the article its members' word names.",
        [("The Keldar City Council met. Council members Ana Lind, Rui Costa and Joe Dean voted no.", "Rui Costa member-of Keldar City Council"),
         ("The Orvane Board of Regents met. Regents Ana Lind and Rui Costa voted for it.", "Rui Costa member-of Orvane Board of Regents"),
         ("Mayor Tim Hale and council members Ana Lind and Joe Dean of the Keldar City Council voted yes.", "Joe Dean member-of Keldar City Council"),
         ("The Lima Zoning Hearing Board met. Board members Ana Lind and Rui Costa were absent.", "Ana Lind member-of Lima Zoning Hearing Board"),
         ("The Lindale City Commission met. Commissioners Ana Lind and Rui Costa voted against it.", "Rui Costa member-of Lindale City Commission"),
         ("Trustees of Keldar College met on Monday. Trustees Ana Lind and Rui Costa voted no.", "Rui Costa member-of Trustees of Keldar College"),
         ("The Keldar City Council voted. But Council Members Ana Lind and Joe Dean wanted more.", "Ana Lind member-of Keldar City Council"),
         ("The Dunmore Board of Selectmen met. Selectmen Ana Lind and Rui Costa voted no.", "Ana Lind member-of Dunmore Board of Selectmen"),
         ("The Lindale City Commission Jan. 17 met. Mayor Tim Hale and Commissioners Ana Lind and Rui Costa voted no.", "Ana Lind member-of Lindale City Commission")];
    SeatCounty = "seat-county", "roles", [MemberOf], "a commissioner's seat on a county's board",
        "Commissioner X (or Commissioners A and B) on the article's county commission: X is a member of the county too.",
        [("The Keldar County Commission met. Commissioner Ana Lind voted no.", "Ana Lind member-of Keldar County"),
         ("Keldar County's Board of County Commissioners met. Commissioners Ana Lind and Rui Costa voted no.", "Rui Costa member-of Keldar County")];
    MemberApposition = "member-apposition", "roles", [MemberOf], "a person, then a nationality or a role in an apposition",
        "X, a Chilean citizen; X, a member of Y: X is a member of it.",
        [("Lithuania, a member of NATO since 2004, sent troops to Poland.", "Lithuania member-of NATO"),
         ("The Lima Zoo, a member of the World Zoo Association, received two llamas.", "Lima Zoo member-of World Zoo Association")];
    AffiliationOf = "affiliation-of", "roles", [MemberOf], "a person's name, then \"of\" an institution",
        "Megan Owen of the San Diego Zoo: a member of the institution.",
        [("\"We are hopeful,\" said Ana Lind of the Lima Zoo.", "Ana Lind member-of Lima Zoo"),
         ("Pedro Soto of the Andean Institute said the talks failed.", "Pedro Soto member-of Andean Institute")];
    AffiliationApposition = "affiliation-apposition", "roles", [MemberOf], "a person, then (a copula and) \"a/an …\" naming an institution",
        "X, a Four Paws vet; X, a student at the University of Y; X is (has been) a member of Y: a member of the institution (titles are left to the title rules).",
        [("\"He is calm,\" said Ana Lind, a longtime Lima Zoo volunteer.", "Ana Lind member-of Lima Zoo"),
         ("Pedro Soto, a lecturer at the University of Lima, found the bone.", "Pedro Soto member-of University of Lima"),
         ("Pedro Soto is a member of the Keldar Rowing Club.", "Pedro Soto member-of Keldar Rowing Club"),
         ("Ana Lind has been a volunteer at the Lima Zoo since 2001.", "Ana Lind member-of Lima Zoo")];
    CountryInBrackets = "country-in-brackets", "roles", [MemberOf], "a person's name, then a country's name in brackets",
        "Lists of envoys and delegates: X (Chile): X is a member of the country.",
        [("The envoys were Ana Lind (Chile), Rui Costa (Peru) and Ivan Petrov (Bulgaria).", "Rui Costa member-of Peru"),
         ("Among the delegates was Pedro Soto (Argentina), who spoke first.", "Pedro Soto member-of Argentina")];
    NationalityNoun = "nationality-noun", "roles", [MemberOf], "a country adjective, a plain noun, then people; or a person's appositive of them",
        "Chilean conscripts Ana Lind and Pedro Soto; two Azerbaijani captives, A and B; X, a Swedish botanist: each a member of the country.",
        [("Chilean conscripts Ana Lind and Pedro Soto were freed.", "Pedro Soto member-of Chile"),
         ("Peru released two Bolivian captives, Ana Lind and Pedro Soto, on Monday.", "Ana Lind member-of Bolivia"),
         ("Ana Lind, a Swedish botanist, died on Monday.", "Ana Lind member-of Sweden")];
    HeadVerb = "head-verb", "roles", [Leads], "head, lead, run, chair, direct",
        "X heads Y; X, who runs Y; X chairs both Y and Z; X will head Y (decided, not \"could\"): X leads each.",
        [("Ana Lind heads the Lima Zoo.", "Ana Lind leads Lima Zoo"),
         ("Ana Lind, who runs the Lima Zoo, welcomed the llamas.", "Ana Lind leads Lima Zoo"),
         ("Ana Lind, who chairs both the Lima Zoo Board and the Cusco Museum, spoke.", "Ana Lind leads Cusco Museum")];
    Appointed = "appointed", "roles", [Leads, MemberOf], "name, appoint, hire, select, choose; become; the appointment of X as",
        "Y named X (as) its new CEO; X was appointed director of Y; X will become president of Y: X leads (or is a member of) Y.",
        [("The Lima Zoo named Ana Lind as its new director.", "Ana Lind leads Lima Zoo"),
         ("The board of the Andean Development Bank appointed Ana Lind president on Friday.", "Ana Lind leads Andean Development Bank"),
         ("Ana Lind was appointed director of the Lima Zoo.", "Ana Lind leads Lima Zoo"),
         ("Ana Lind will become the 15th president of the University of Lima.", "Ana Lind leads University of Lima"),
         ("The board approved the appointment of Dr. Ana Lind, provost of Orvane University, as Keldar College's 16th president.", "Ana Lind leads Keldar College"),
         ("Members confirmed the election of Ana Lind as chairman of the Lima Rowing Club.", "Ana Lind leads Lima Rowing Club")];
    Joined = "joined", "roles", [MemberOf, Leads], "join, joins, joined",
        "X joined Y: X is a member of institution Y (\"as TITLE\": the post the title gives).",
        [("Lena Sorvik joined Brantor Corp. in 2001.", "Lena Sorvik member-of Brantor Corp"),
         ("Finland joined NATO in April.", "Finland member-of NATO"),
         ("Omar Haddi will join the Kessel Institute as its director next month.", "Omar Haddi leads Kessel Institute")];
    Succeeded = "succeeded", "roles", [Leads, MemberOf], "succeed, replace … as TITLE",
        "X succeeds Z as TITLE of Y, Y appointed X to replace TITLE Z: both X and Z hold the post in Y (a nominee only Z).",
        [("Lena Sorvik will succeed Omar Haddi as chief executive of Brantor Corp.", "Lena Sorvik leads Brantor Corp"),
         ("Lena Sorvik replaced Omar Haddi as Brantor Corp.'s chairman.", "Omar Haddi leads Brantor Corp"),
         ("Omar Haddi, who succeeds Lena Sorvik as president of the Kessel Institute, spoke first.", "Omar Haddi leads Kessel Institute"),
         ("Brantor Corp. has appointed Lena Sorvik to replace chief executive Omar Haddi.", "Omar Haddi leads Brantor Corp")];
    PossessivePlace = "possessive-place", "location", [LocatedIn], "a place's possessive before a place or institution",
        "Russia's Kursk region, Prague's Vltava Zoo: located-in the owner.",
        [("Troops crossed into Russia's Kursk region.", "Kursk region located-in Russia"),
         ("Lima's Parque Zoo received two llamas.", "Parque Zoo located-in Lima"),
         ("Two llamas reached Peru's Tacna province.", "Tacna province located-in Peru")];
    InPlace = "in-place", "location", [LocatedIn], "in",
        "The Kursk region in Russia, the Lima Zoo (LZ) in Peru: located-in.",
        [("The llamas went to the Parque Zoo in Lima.", "Parque Zoo located-in Lima"),
         ("Fighting continued in the Kursk region in Russia.", "Kursk region located-in Russia")];
    BasedIn = "based-in", "location", [LocatedIn], "-based",
        "The Jakarta-based Centre for Z: located-in Jakarta; \"Stamford, Conn.-based Y\": located-in Stamford.",
        [("The Jakarta-based Centre for Strategic Studies said so.", "Centre for Strategic Studies located-in Jakarta"),
         ("The Lima-based Andean Institute said so.", "Andean Institute located-in Lima"),
         ("The plant belongs to Stamford, Conn.-based Keldar Corp., which makes valves.", "Keldar Corp located-in Stamford")];
    LocatedVerb = "located-verb", "location", [LocatedIn], "located, based, situated, headquartered, with headquarters (in, at)",
        "Everland, located in Yongin; the institute, which is based in Lima; X, with headquarters in Y: located-in.",
        [("The pandas live at Everland, located in Yongin.", "Everland located-in Yongin"),
         ("The Andean Institute, which is based in Cusco, said so.", "Andean Institute located-in Cusco"),
         ("The Lima Zoo is situated in Peru.", "Lima Zoo located-in Peru"),
         ("Keldar Corp., with headquarters in Cusco, Peru, said so.", "Keldar Corp located-in Cusco"),
         ("Keldar Corp. has its headquarters in Cusco.", "Keldar Corp located-in Cusco")];
    CommaPlace = "comma-place", "location", [LocatedIn], "Place, Country",
        "Targu Mures, Romania: located-in, when the pair is no list, or in a list of such pairs.",
        [("Troops arrived in Targu Mures, Romania, on Monday.", "Targu Mures located-in Romania"),
         ("The koalas came from Queensland, Australia but they are at home here.", "Queensland located-in Australia"),
         ("The plant in Oruro, Bolivia, was closed.", "Oruro located-in Bolivia"),
         ("Plants in Oruro, Bolivia, and Tacna, Peru, were closed.", "Tacna located-in Peru")];
    AppositionPlace = "apposition-place", "location", [LocatedIn], "Place, a city/port/town/zoo in Country; X is a town in",
        "Arica, a port in northern Chile; Lima, capital of Peru; X is a private zoo in Y: located-in.",
        [("The ship reached Arica, a port in northern Chile.", "Arica located-in Chile"),
         ("The minister arrived in Lima, capital of Peru, on Sunday.", "Lima located-in Peru"),
         ("Troops arrived in Tacna, a city in southern Peru.", "Tacna located-in Peru"),
         ("The Parque Zoo is a private zoo in Lima.", "Parque Zoo located-in Lima")];
    PlaceOf = "place-of", "location", [LocatedIn], "the (country's) city/port of X; the X region of a country",
        "The German port of Bremerhaven, the city of Rason in North Korea, the Kursk region of Russia: located-in.",
        [("The ship docked in the German port of Bremerhaven.", "Bremerhaven located-in Germany"),
         ("Troops reached the Peruvian city of Tacna.", "Tacna located-in Peru"),
         ("The goats came from the Tver region of the Russian Federation.", "Tver region located-in Russia")];
    Dateline = "dateline", "location", [LocatedIn], "PLACE, State — at the start of an article",
        "WEST PALM BEACH, Fla. \u{2014}; Lima, Peru, May 5 -; Lima [Peru], May 5: the dateline's place lies in the state or country.",
        [("AREQUIPA, Peru (AP) \u{2014} Two llamas arrived at the zoo on Monday.", "Arequipa located-in Peru"),
         ("OCALA, Fla. \u{2014} Two llamas arrived at the zoo on Monday.", "Ocala located-in Florida"),
         ("Cusco [Peru], May 5 (AP): Two llamas arrived at the zoo.", "Cusco located-in Peru")];
    SignVerb = "sign-verb", "agreement", [Signed], "sign, renew, conclude, adopt; reach, make, strike, enter into right before an agreement",
        "X and Y signed a pact; X signed a treaty with Y; X reached (entered into) an agreement with Y; a pact signed by X and Y: every party signed.",
        [("Chile and Peru signed a trade agreement.", "Peru signed trade agreement"),
         ("Chile signed a border treaty with Peru on Monday.", "Peru signed border treaty"),
         ("The Lima Zoo has reached an exclusive agreement with the Santiago Zoo.", "Santiago Zoo signed exclusive agreement"),
         ("On Monday, Keldar Corp. entered into an agreement with Orvane Inc.", "Keldar Corp signed agreement"),
         ("President Ana Lind met President Luis Rojas. The two leaders signed a fishing treaty.", "Luis Rojas signed fishing treaty"),
         ("President of Chile Ana Lind and President of Peru Pedro Soto signed a joint declaration.", "Ana Lind signed joint declaration"),
         ("The accord was signed by Minister of Mines Ana Lind and Secretary of Energy Luis Soto.", "Luis Soto signed accord"),
         ("Chile and Peru signed a water treaty. On the Chilean side: Ana Lind, Minister of Mines; and Luis Soto, Minister of Energy, signed.", "Ana Lind signed water treaty"),
         ("Chile and Peru adopted a joint statement on fishing.", "Peru signed joint statement on fishing")];
    SignedOnBehalf = "signed-on-behalf", "agreement", [MemberOf], "a signer \"on behalf of\" a country or body",
        "X signed on behalf of Y: the person X is a member of Y.",
        [("Ana Lind signed the treaty on behalf of the government of the Republic of Chile.", "Ana Lind member-of Chile"),
         ("The accord was signed by Minister of Mines Ana Lind, on behalf of the Lima Port Authority.", "Ana Lind member-of Lima Port Authority")];
    AgreementBetween = "agreement-between", "agreement", [Signed], "an agreement between X and Y",
        "An agreement (reached) between X and Y: both are parties, states and cities too.",
        [("A trade agreement between Chile and Peru took effect.", "Chile signed trade agreement"),
         ("Officials praised the border treaty between Chile and Peru.", "Peru signed border treaty"),
         ("The koalas came under a sister-state agreement between Queensland and Ontario.", "Ontario signed sister-state agreement")];
    FightVerb = "fight-verb", "conflict", [Fought], "fight, clash, attack",
        "X fought (clashed with, attacked) Y.",
        [("Chilean troops clashed with Peruvian soldiers near Tacna.", "Chilean troops fought Peruvian soldiers"),
         ("Chile attacked Peru on Monday.", "Chile fought Peru")];
    FightNoun = "fight-noun", "conflict", [Fought], "war, battle, invasion",
        "X … in the war against Y; X's war with Y.",
        [("Chile lost the war against Peru.", "Chile fought Peru"),
         ("Chile's war with Peru lasted five years.", "Chile fought Peru")];
    FightAssist = "fight-assist", "conflict", [Fought], "assist, help, support … in the war against",
        "They assisted X in the war against Y: they fought Y.",
        [("Bolivia assisted Chile in the war against Peru.", "Bolivia fought Peru"),
         ("Bolivia helped Chile in its war against Peru.", "Bolivia fought Peru")];
    CooperationBetween = "cooperation-between", "cooperation", [CooperatesWith], "cooperation, ties, links, friendship, exchange between",
        "Cooperation (ties, friendship, an exchange of animals; not of prisoners) between X and Y.",
        [("The visit deepened cooperation between Chile and Peru.", "Chile cooperates-with Peru"),
         ("Ties between Chile and Peru have improved.", "Chile cooperates-with Peru"),
         ("The strong links between Chile and Peru endure.", "Chile cooperates-with Peru"),
         ("An exchange of animals between the Lima Zoo and the Parque Zoo began.", "Lima Zoo cooperates-with Parque Zoo")];
    CooperationWith = "cooperation-with", "cooperation", [CooperatesWith], "X's cooperation with",
        "X's cooperation (ties) with Y.",
        [("Chile's cooperation with Peru has grown.", "Chile cooperates-with Peru"),
         ("Chile's ties with Peru have improved.", "Chile cooperates-with Peru")];
    CooperateVerb = "cooperate-verb", "cooperation", [CooperatesWith], "cooperate, collaborate, partner",
        "X cooperates with Y; X and Y cooperate.",
        [("Chile cooperates with Peru on fisheries.", "Chile cooperates-with Peru"),
         ("Chile and Peru collaborate on fisheries.", "Chile cooperates-with Peru")];
    CooperationCompound = "cooperation-compound", "cooperation", [CooperatesWith], "A-B ties, relations",
        "China-US ties, Uzbek-Russian relations.",
        [("Chile-Peru ties have improved.", "Chile cooperates-with Peru"),
         ("Chilean-Peruvian relations have improved.", "Chile cooperates-with Peru")];
    CooperationSubjects = "cooperation-subjects", "cooperation", [CooperatesWith], "coordinated subjects of a partnership",
        "China and PNG established a strategic partnership: every pair of subjects.",
        [("Chile and Peru established a strategic partnership.", "Chile cooperates-with Peru"),
         ("Chile and Peru formed an alliance in 1879.", "Chile cooperates-with Peru")];
}

/// The rule table as Markdown: `docs/rules.md`.
pub fn markdown() -> String {
    let mut out = String::from(
        "# Extraction rules\n\n\
         Generated from `src/extract/rules/table.rs` by `cargo run --example rules_doc > docs/rules.md`; \
         do not edit. Every fact kg extracts names the rule that made it in its `rule` field, \
         and `kg extract --trace ARTICLE` shows which rule fired on which sentence. Each \
         example is a test: the text must give the fact by the rule.\n\n\
         | rule | module | relations | trigger | what it finds |\n|---|---|---|---|---|\n",
    );
    for &r in Rule::ALL {
        let relations: Vec<String> = r.relations().iter().map(|x| format!("`{x}`")).collect();
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            r.id(),
            r.module(),
            relations.join(", "),
            r.trigger(),
            r.doc().replace('|', "\\|")
        ));
    }
    out.push_str("\n## Examples\n");
    for &r in Rule::ALL {
        out.push_str(&format!("\n### `{}`\n\n", r.id()));
        for (text, fact) in r.examples() {
            out.push_str(&format!("- {} → `{fact}`\n", text.replace('\n', " ¶ ")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::rules::test_util::facts;

    #[test]
    fn every_example_gives_its_fact_by_its_rule() {
        let mut failures = Vec::new();
        for &rule in Rule::ALL {
            assert!(
                rule.examples().len() >= 2,
                "{}: fewer than two phrasings",
                rule.id()
            );
            for &(text, want) in rule.examples() {
                let got = facts(text);
                let hit = got
                    .iter()
                    .any(|(s, r, o, .., id)| format!("{s} {r} {o}") == want && id == rule.id());
                if !hit {
                    let rows: Vec<String> = got
                        .iter()
                        .map(|(s, r, o, .., id)| format!("{s} {r} {o} [{id}]"))
                        .collect();
                    failures.push(format!(
                        "{}: {text:?} wants {want:?}, got {rows:?}",
                        rule.id()
                    ));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn ids_are_unique_and_relations_match_the_examples() {
        let mut ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), Rule::ALL.len());
        for &rule in Rule::ALL {
            assert_eq!(Rule::from_id(rule.id()), Some(rule));
            for &(_, want) in rule.examples() {
                let relation = want
                    .split_whitespace()
                    .find(|w| rule.relations().iter().any(|r| r.to_string() == *w));
                assert!(
                    relation.is_some(),
                    "{}: {want:?} is none of its relations",
                    rule.id()
                );
            }
        }
    }
}
