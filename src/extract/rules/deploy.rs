//! Deployments: groups sent to places.
//!
//! * `deploy-verb`: "troops have been deployed to X", "Y deployed/sent troops to X",
//!   "forces stationed in X", "two warships docked at X" (a place, or a base or port);
//! * `deployment-noun`: "the deployment of troops to X";
//! * `port-visit`: "USS X made a port visit to Y", "a goodwill visit to Y".
//!
//! Bare troops sent by a country are named after it ("North Korea sent troops" →
//! "North Korean troops", a member of North Korea), with the adjective the article
//! writes for it where it writes one ("U.S. troops").

use super::table::Rule;
use super::{Ctx, Sentence};
use crate::extract::lexicon::{Family, lexicons};
use crate::extract::mentions::{self, MentionKind};
use crate::extract::tokens::TokKind;
use crate::model::{Kind, Relation};

const TARGET_PREPS: [&str; 5] = ["to", "in", "into", "inside", "at"];

pub fn apply(ctx: &mut Ctx) {
    let s: &Sentence = ctx.sentence;
    for i in ctx.triggers(Family::Deploy) {
        if s.is_verb_use(i) && !s.is_blocked_transfer(i) {
            deploy(ctx, i, false);
        }
    }
    for i in ctx.triggers(Family::DeployNoun) {
        if !s.is_verb_use(i) && s.word(i + 1) == "of" {
            deploy(ctx, i, true);
        }
    }
    for i in 1..s.tokens.len() {
        if matches!(s.word(i), "visit" | "visits" | "call" | "calls")
            && matches!(s.word(i - 1), "port" | "goodwill")
        {
            port_visit(ctx, i);
        }
    }
}

/// `port-visit`: "USS X made a port visit to Y", "…, after a four-day port visit to Y",
/// "a goodwill visit to Y": the ship (or group) the sentence is about, named or a
/// country's, is deployed to Y.
fn port_visit(ctx: &mut Ctx, i: usize) {
    let s = ctx.sentence;
    // A ship named before the visit, the nearest; else the first country's group.
    let before = |m: usize| {
        s.mentions[m].start < i
            && !s.prepositional(m)
            && matches!(s.mentions[m].kind, MentionKind::Group(_))
    };
    let Some(group) = (0..s.mentions.len())
        .rev()
        .find(|&m| before(m) && is_named(&s.mentions[m]))
        .or_else(|| {
            (0..s.mentions.len())
                .find(|&m| before(m) && matches!(s.mentions[m].kind, MentionKind::Group(Some(_))))
        })
    else {
        return;
    };
    let (Some(g), Some(target)) = (
        ctx.entity(group),
        s.target_after(i, &["to", "at", "in"])
            .and_then(|m| ctx.entity(m))
            .filter(|&e| is_target(ctx, e)),
    ) else {
        return;
    };
    let date = ctx.date_at(i);
    let count = s.mentions[group].count;
    ctx.emit(
        g,
        Relation::DeployedTo,
        target,
        count,
        date,
        Rule::PortVisit,
    );
}

/// Who can send a group: a country, an institution (a ministry, an army) or a person.
fn is_sender(kind: Kind) -> bool {
    matches!(kind, Kind::Country | Kind::Institution | Kind::Person)
}

fn is_target(ctx: &Ctx, e: usize) -> bool {
    match ctx.kind(e) {
        Kind::Place | Kind::Country => true,
        // "docked at Naval Base Y", "arrived at the Y Navy Base": a base or port.
        Kind::Institution => {
            let name = ctx.resolved.entities[e].name.to_lowercase();
            name.split_whitespace()
                .any(|w| matches!(w, "base" | "port" | "harbour" | "harbor"))
        }
        _ => false,
    }
}

fn deploy(ctx: &mut Ctx, i: usize, noun: bool) {
    let s = ctx.sentence;
    let in_clause = |m: usize| s.clause.get(s.mentions[m].start) == s.clause.get(i);
    let is_group = |m: usize| matches!(s.mentions[m].kind, MentionKind::Group(_));
    let after =
        (0..s.mentions.len()).find(|&m| s.mentions[m].start > i && in_clause(m) && is_group(m));
    let before = (0..s.mentions.len())
        .rev()
        .find(|&m| s.mentions[m].end <= i && in_clause(m) && is_group(m));
    // Active ("X deployed troops to"), passive ("troops were deployed to"), noun.
    let (group, sender) = match (after, before) {
        (Some(g), _) if noun || s.mentions[g].start <= i + 4 || held_by_unit(s, i, g) => (
            g,
            if noun {
                Vec::new()
            } else {
                s.subjects_before(i)
            },
        ),
        (_, Some(g)) if !noun => (g, Vec::new()),
        _ => return,
    };
    // "Jamaican soldiers and Guatemalan police have arrived": every coordinated group.
    let mut others: Vec<usize> = Vec::new();
    if after != Some(group) {
        let subjects = s.subjects_before(i);
        if subjects.contains(&group) {
            others = subjects
                .into_iter()
                .filter(|&m| m != group && is_group(m))
                .collect();
        }
    }
    // "deployed to Poland, the Baltic states and Romania": every place of the list.
    let Some(first) = s.target_after(
        i.max(s.mentions[group].end.saturating_sub(1)),
        &TARGET_PREPS,
    ) else {
        return;
    };
    let targets: Vec<usize> = s
        .list_from(first)
        .into_iter()
        .filter_map(|m| ctx.entity(m))
        .filter(|&e| is_target(ctx, e))
        .collect();
    if targets.is_empty() || ctx.entity(first).is_none_or(|e| !is_target(ctx, e)) {
        return;
    }
    for &target in &targets {
        deploy_to(ctx, i, noun, s, group, &others, &sender, target);
    }
}

/// The facts of one deployment of `group` (and `others`) to `target`.
#[allow(clippy::too_many_arguments)]
fn deploy_to(
    ctx: &mut Ctx,
    i: usize,
    noun: bool,
    s: &Sentence,
    group: usize,
    others: &[usize],
    sender: &[usize],
    target: usize,
) {
    let date = ctx.date_at(i);
    let rule = if noun {
        Rule::DeploymentNoun
    } else {
        Rule::DeployVerb
    };
    for &other in others {
        if let Some(g) = ctx.entity(other) {
            let count = s.mentions[other].count;
            ctx.emit(g, Relation::DeployedTo, target, count, date.clone(), rule);
        }
    }
    let count = s.mentions[group].count;
    let mut group_entity = ctx.entity(group);
    // "North Korea sent troops", "Moscow sent troops": the troops are North Korean,
    // Russian (a capital that sends troops stands for its country's government).
    if let MentionKind::Group(None) = s.mentions[group].kind
        && let Some(&sm) = sender.first()
        && let MentionKind::Country(c) | MentionKind::Capital(c) = s.mentions[sm].kind
        && let Some(adj) = ctx
            .resolved
            .adjectives
            .get(&c)
            .or(lexicons().countries[c].demonyms.first())
        && let Some(country) = ctx.entity(sm)
    {
        // Named as the article names that country's troops elsewhere, if it does; else
        // with the adjective the article writes for the country ("U.S."), if any.
        let name = format!("{adj} {}", s.mentions[group].surface);
        let key = mentions::group_key(c, &name);
        let name = ctx.resolved.group_names.get(&key).cloned().unwrap_or(name);
        let g = ctx.resolved.entity_named(&name, Kind::Group);
        ctx.emit(g, Relation::MemberOf, country, None, None, Rule::DeployVerb);
        group_entity = Some(g);
    } else if let MentionKind::Group(None) = s.mentions[group].kind
        && s.mentions[group].owner.is_none()
        && !is_named(&s.mentions[group])
    {
        // "500 troops were deployed": nobody's troops. A node called "troops" would
        // join every article's unnamed troops, so they give no fact.
        group_entity = None;
    }
    if let Some(g) = group_entity {
        // "Kenya deployed 400 gendarmes to Somalia": the deployer sent them. The
        // subject of an active verb only: "troops were sent" names no sender.
        if let Some(from) = sender.first().and_then(|&m| ctx.entity(m))
            && is_sender(ctx.kind(from))
        {
            ctx.emit(from, Relation::Sent, g, count, date.clone(), rule);
        }
        ctx.emit(g, Relation::DeployedTo, target, count, date, rule);
        // "Dutch air defence units were stationed in …": a deployment says whose units
        // they are, even for a noun too weak to say it alone.
        if let MentionKind::Group(Some(c)) = s.mentions[group].kind
            && let Some(name) = lexicons().countries.get(c).map(|c| c.name.clone())
        {
            let country = ctx.resolved.entity_named(&name, Kind::Country);
            ctx.emit(g, Relation::MemberOf, country, None, None, Rule::DeployVerb);
        }
    }
}

/// Whether a group is named by a proper name ("HMS Dauntless"), not by a group's noun
/// ("troops", "500 soldiers").
fn is_named(m: &mentions::Mention) -> bool {
    m.surface
        .rsplit(' ')
        .next()
        .is_some_and(|w| lexicons().group_forms.get(&w.to_lowercase()).is_none())
}

/// "deployed a mechanised infantry battalion of about 650 soldiers": the group `g` is
/// what a unit right after the verb `i` is made of.
fn held_by_unit(s: &Sentence, i: usize, g: usize) -> bool {
    let start = s.mentions[g].start;
    start <= i + 10
        && (i + 1..start).all(|k| s.tokens[k].kind != TokKind::Punct)
        && (i + 2..start)
            .any(|k| s.word(k) == "of" && lexicons().group_forms.get(s.word(k - 1)).is_some())
}

#[cfg(test)]
mod tests {
    use crate::extract::rules::test_util::{facts, triples};

    #[test]
    fn a_named_ship_is_deployed_where_it_docks_or_visits() {
        for (text, fact) in [
            (
                "HMS Dunmouth docked in Arica on Monday.",
                "HMS Dunmouth deployed-to Arica",
            ),
            (
                "The Chilean Navy ship INS Sharda arrived at the port of Arica on Monday.",
                "INS Sharda deployed-to Arica",
            ),
            (
                "Chilean officers waved as USS Dunmouth left, after a port visit to Arica.",
                "USS Dunmouth deployed-to Arica",
            ),
        ] {
            let t = triples(text);
            assert!(t.contains(&fact.to_string()), "{text}: {t:?}");
        }
        // A bare group noun is nobody's.
        assert!(triples("500 troops were deployed to Arica.").is_empty());
    }

    #[test]
    fn ships_dock_at_a_port_or_a_base() {
        for (text, fact) in [
            (
                "Two Chilean warships docked at Dunmouth in May.",
                "Chilean warships deployed-to Dunmouth",
            ),
            (
                "Two Chilean warships docked at the Dunmouth Naval Base in May.",
                "Chilean warships deployed-to Dunmouth Naval Base",
            ),
            (
                "Two Chilean warships arrived at the Keldar Naval Base.",
                "Chilean warships deployed-to Keldar Naval Base",
            ),
        ] {
            let t = triples(text);
            assert!(t.iter().any(|f| f == fact), "{text}: {t:?}");
        }
        // An institution that is no base or port is no place troops are deployed to.
        let text = "Chilean troops arrived at the Keldar Research Institute.";
        let t = triples(text);
        assert!(
            t.iter().all(|f| !f.contains("deployed-to")),
            "{text}: {t:?}"
        );
    }

    #[test]
    fn passive_and_active() {
        let f = facts("About 2,000 Chadian soldiers were deployed to Mali in April.");
        let d = f.iter().find(|f| f.1 == "deployed-to").unwrap();
        assert_eq!(
            (d.0.as_str(), d.2.as_str(), d.3, d.4.as_deref()),
            ("Chadian soldiers", "Mali", Some(2000), Some("2023-04"))
        );
        assert_eq!(
            triples("Iran sent troops to Syria."),
            [
                "Iran sent Iranian troops",
                "Iranian troops deployed-to Syria",
                "Iranian troops member-of Iran"
            ]
        );
    }

    #[test]
    fn a_countrys_bare_troops_take_the_adjective_the_article_writes_for_it() {
        for (text, want) in [
            (
                "The United States is deploying troops to Poland, U.S. and Polish officials \
                 said. A U.S. battalion will follow.",
                "United States sent U.S. troops",
            ),
            (
                "Britain sent troops to Mali. The UK contingent will stay a year.",
                "United Kingdom sent UK troops",
            ),
            (
                "American officials said the United States sent troops to Chad.",
                "United States sent American troops",
            ),
        ] {
            let t = triples(text);
            assert!(t.contains(&want.to_string()), "{text}: {t:?}");
        }
        // With no adjective in the article, the lexicon's.
        assert!(
            triples("Iran sent troops to Syria.").contains(&"Iran sent Iranian troops".to_string())
        );
    }

    #[test]
    fn a_countrys_troops_are_one_group_named_as_the_article_first_names_them() {
        for (text, name) in [
            (
                "The United States is deploying troops to Poland. About 300 U.S. troops \
                 arrived on Monday.",
                &["U.S. troops"][..],
            ),
            (
                "Up to 400 UK troops will deploy to Mali. Britain sent troops to Chad.",
                &["UK troops"],
            ),
            (
                "Canada sent forces to Latvia. Canadian troops arrived in Riga.",
                &["Canadian troops"],
            ),
            (
                "Kenya sent police officers to Haiti. Kenyan troops arrived in Chad.",
                // Its police are not its troops.
                &["Kenyan police officers", "Kenyan troops"],
            ),
        ] {
            let f = facts(text);
            let groups: std::collections::BTreeSet<&str> = f
                .iter()
                .filter(|f| f.1 == "deployed-to")
                .map(|f| f.0.as_str())
                .collect();
            assert_eq!(
                groups.into_iter().collect::<Vec<_>>(),
                name,
                "{text}: {f:?}"
            );
        }
    }

    #[test]
    fn a_scheduled_deployment_to_a_list_with_a_plural_place() {
        let f =
            facts("Kenya is deploying troops to Somalia, the Baltic states and Chad next month.");
        let places: Vec<&str> = f
            .iter()
            .filter(|f| f.1 == "deployed-to")
            .map(|f| f.2.as_str())
            .collect();
        assert_eq!(places, ["Baltic states", "Chad", "Somalia"], "{f:?}");
    }

    #[test]
    fn a_region_of_a_country_and_an_attribution_after_the_list() {
        let f = facts(
            "Britain is to send a further 1,400 troops to southern Afghanistan, Defence \
             Secretary Des Browne said.",
        );
        let places: Vec<&str> = f
            .iter()
            .filter(|f| f.1 == "deployed-to")
            .map(|f| f.2.as_str())
            .collect();
        assert_eq!(places, ["Afghanistan"], "{f:?}");
        let sent = f.iter().find(|f| f.1 == "sent").expect("sent");
        assert_eq!((sent.0.as_str(), sent.3), ("United Kingdom", Some(1400)));
    }

    #[test]
    fn the_active_deployer_sent_the_group() {
        for text in [
            "Kenya deployed 400 gendarmes to Somalia.",
            "Kenya has sent about 400 gendarmes to Somalia on Monday.",
            "Kenya is to send 400 gendarmes to Somalia.",
            "Kenya will deploy 400 gendarmes to Somalia next month.",
        ] {
            let f = facts(text);
            let sent = f.iter().find(|f| f.1 == "sent");
            assert_eq!(
                sent.map(|f| (f.0.as_str(), f.2.as_str(), f.3)),
                Some(("Kenya", "Kenyan gendarmes", Some(400))),
                "{text}: {f:?}"
            );
        }
        // A passive names no sender; a capital sends for its country.
        assert!(
            !triples("Kenyan gendarmes were deployed to Somalia.")
                .iter()
                .any(|t| t.contains(" sent "))
        );
        assert!(
            triples("That was the day Nairobi sent troops into Somalia.")
                .contains(&"Kenya sent Kenyan troops".to_string())
        );
    }

    #[test]
    fn nobody_s_troops_give_no_fact() {
        for text in [
            "About 500 troops were deployed to Mali on Monday.",
            "The ministry sent 500 soldiers to Mali.",
        ] {
            assert!(
                !triples(text).iter().any(|t| t.starts_with("troops ")
                    || t.starts_with("soldiers ")
                    || t.ends_with(" troops")
                    || t.ends_with(" soldiers")),
                "{text}: {:?}",
                triples(text)
            );
        }
        // Named or owned groups still do.
        assert!(
            triples("About 500 NATO troops were deployed to Mali.")
                .contains(&"NATO troops deployed-to Mali".to_string())
        );
    }

    #[test]
    fn deployment_noun_and_stationing() {
        assert!(
            triples("The deployment of Cuban troops to Angola began.")
                .contains(&"Cuban troops deployed-to Angola".to_string())
        );
        assert!(
            triples("Turkish forces stationed in Syria's Idlib region left.")
                .contains(&"Turkish forces deployed-to Idlib region".to_string())
        );
    }

    #[test]
    fn coordinated_groups_arrive_and_are_based() {
        let t = triples("Ghanaian soldiers and Malian police officers have arrived in Niger.");
        assert!(
            t.contains(&"Ghanaian soldiers deployed-to Niger".to_string()),
            "{t:?}"
        );
        assert!(
            t.contains(&"Malian police officers deployed-to Niger".to_string()),
            "{t:?}"
        );
        let t = triples("About 900 Polish troops are based in Latvia.");
        assert!(
            t.contains(&"Polish troops deployed-to Latvia".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn units_are_named_by_what_they_hold() {
        let f = facts("Spain has sent a light infantry unit of nearly 120 soldiers to Latvia.");
        let d = f.iter().find(|f| f.1 == "deployed-to").unwrap();
        assert_eq!(
            (d.0.as_str(), d.2.as_str(), d.3),
            ("Spanish soldiers", "Latvia", Some(120))
        );
        let t = triples("Canadian air defence units have been stationed in Estonia since May.");
        assert!(
            t.contains(&"Canadian air defence units deployed-to Estonia".to_string()),
            "{t:?}"
        );
        assert!(
            t.contains(&"Canadian air defence units member-of Canada".to_string()),
            "{t:?}"
        );
        let t = triples("Kenya deployed 400 gendarmes to Somalia. Norwegian units left Mali.");
        assert!(
            t.contains(&"Kenyan gendarmes deployed-to Somalia".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn hypothetical_deployments_are_not_facts() {
        for text in [
            "Iran may send troops to Syria.",
            "Iran could send troops to Syria.",
            "Iran did not send troops to Syria.",
            "Iran would send troops to Syria if asked.",
        ] {
            assert!(
                !triples(text)
                    .iter()
                    .any(|t| t.contains("deployed-to") || t.contains(" sent ")),
                "{text}: {:?}",
                triples(text)
            );
        }
    }
}
