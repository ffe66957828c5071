//! `kg html`: the graph, or a selection of it, as one self-contained interactive page
//! (see [`crate::export::html`]), laid out by Graphviz when it is installed.

use super::{Ctx, Outcome, bounds, select_in};
use crate::cli::{HtmlArgs, LayoutChoice, SelectArgs};
use crate::error::Error;
use crate::export::html::{self, Page};
use crate::export::layout;
use crate::model::{KnowledgeGraph, Subgraph};
use crate::print::text::counted;
use crate::query::resolve;
use crate::store::atomic;

pub fn run(ctx: &mut Ctx, a: &HtmlArgs) -> Result<Outcome, Error> {
    match select_in(ctx.graph, &a.select)? {
        Ok(sub) => write(ctx, a, sub),
        Err(nothing) => Ok(nothing),
    }
}

/// Lays out and writes the page of a selection of the graph.
pub fn write(ctx: &mut Ctx, a: &HtmlArgs, sub: Subgraph) -> Result<Outcome, Error> {
    let g = ctx.graph;
    let sub = bounds::limited(g, sub, a.limit, &mut ctx.notes);
    bounds::check("kg html", &sub, bounds::PAGE_MAX_FACTS, a.limit, "")?;
    let drawn = match a.layout {
        LayoutChoice::Force => layout::force(g, &sub),
        LayoutChoice::Graphviz => {
            if !layout::installed("dot") {
                return Err(Error::Missing {
                    program: "Graphviz dot",
                    why: "--layout graphviz needs it; try --layout force",
                });
            }
            layout::graphviz(g, &sub).map_err(Error::Usage)?
        }
        LayoutChoice::Auto if sub.edges.len() > bounds::GRAPHVIZ_MAX_FACTS => {
            ctx.notes.push(format!(
                "laid out by kg's own layout: Graphviz takes minutes for more than {} (--layout graphviz to wait for it)",
                counted(bounds::GRAPHVIZ_MAX_FACTS, "fact")
            ));
            layout::force(g, &sub)
        }
        LayoutChoice::Auto if layout::installed("dot") => match layout::graphviz(g, &sub) {
            Ok(l) => l,
            Err(why) => {
                ctx.notes.push(format!("{why}; using kg's own layout"));
                layout::force(g, &sub)
            }
        },
        LayoutChoice::Auto => layout::force(g, &sub),
    };
    let page = page(g, &a.select, a.title.as_deref())?;
    let summary = format!(
        "{}, {}, layout: {}",
        counted(sub.nodes.len(), "entity"),
        counted(sub.edges.len(), "fact"),
        drawn.engine
    );
    match &a.output {
        None => html::write(g, &sub, &drawn, &page, ctx.out)?,
        Some(path) => {
            atomic::write_file(path, |out| html::write(g, &sub, &drawn, &page, out)).map_err(
                |source| crate::store::Error::Write {
                    path: path.clone(),
                    source,
                },
            )?;
            ctx.notes
                .push(format!("wrote {} ({summary})", path.display()));
        }
    }
    Ok(Outcome::Done)
}

/// The title, focus and path the selection implies.
fn page(g: &KnowledgeGraph, a: &SelectArgs, title: Option<&str>) -> Result<Page, Error> {
    let mut page = Page::default();
    let what = if let Some(center) = &a.around {
        let n = resolve(g, center)?;
        page.focus = Some(g.entity(n).id.clone());
        format!("Around {} ({})", g.entity(n).name, counted(a.depth, "hop"))
    } else if let Some([from, to]) = a.path.as_deref() {
        let (from, to) = (g.entity(resolve(g, from)?), g.entity(resolve(g, to)?));
        page.path = Some([from.id.clone(), to.id.clone()]);
        format!("From {} to {}", from.name, to.name)
    } else {
        "The knowledge graph".to_string()
    };
    page.title = format!("kg: {}", title.unwrap_or(&what));
    Ok(page)
}
