//! A YAML document as a tree whose every node knows its line and column,
//! so a problem found anywhere (here or by the server) can point into the
//! file. Anchors, aliases and tags are refused: a site file has no use for
//! them and they would hide where a value came from.

use saphyr_parser::{Event, Parser, ScalarStyle, Span, SpannedEventReceiver};

/// A place in the file: 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pos {
    pub(crate) line: usize,
    pub(crate) col: usize,
}

impl std::fmt::Display for Pos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// A node of the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Value {
    /// A scalar; `plain` when unquoted (so `null`, `~` and nothing mean null).
    Scalar { text: String, plain: bool },
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in file order.
    Map(Vec<(Node, Node)>),
}

/// A node and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Node {
    pub(crate) value: Value,
    pub(crate) pos: Pos,
}

impl Node {
    /// The scalar's text, unless it is a null.
    pub(crate) fn text(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, plain }
                if *plain && matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL") =>
            {
                None
            }
            Value::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// Whether the node is a null (`key:` with nothing after it, `~`, `null`).
    pub(crate) fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { plain: true, .. }) && self.text().is_none()
    }

    /// What kind of node it is, for messages.
    pub(crate) fn what(&self) -> &'static str {
        match &self.value {
            Value::Scalar { .. } if self.is_null() => "nothing",
            Value::Scalar { .. } => "a value",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

#[derive(Default)]
struct Builder {
    stack: Vec<(Value, Pos)>,
    keys: Vec<Option<Node>>,
    root: Option<Node>,
    error: Option<(Pos, String)>,
}

impl Builder {
    fn push(&mut self, node: Node) {
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some((Value::Seq(items), _)) => items.push(node),
            Some((Value::Map(entries), _)) => {
                let key = self.keys.last_mut().and_then(Option::take);
                match key {
                    Some(k) => entries.push((k, node)),
                    None => {
                        if let Some(k) = self.keys.last_mut() {
                            *k = Some(node);
                        }
                    }
                }
            }
            Some((Value::Scalar { .. }, _)) => {}
        }
    }
}

fn pos(span: Span) -> Pos {
    Pos {
        line: span.start.line(),
        col: span.start.col() + 1,
    }
}

impl<'input> SpannedEventReceiver<'input> for Builder {
    fn on_event(&mut self, ev: Event<'input>, span: Span) {
        if self.error.is_some() {
            return;
        }
        let at = pos(span);
        match ev {
            Event::Scalar(text, style, anchor, tag) => {
                if anchor != 0 || tag.is_some() {
                    self.error = Some((
                        at,
                        "anchors and tags are not supported in a site file".into(),
                    ));
                    return;
                }
                self.push(Node {
                    value: Value::Scalar {
                        text: text.into_owned(),
                        plain: style == ScalarStyle::Plain,
                    },
                    pos: at,
                });
            }
            Event::SequenceStart(anchor, tag) | Event::MappingStart(anchor, tag)
                if anchor != 0 || tag.is_some() =>
            {
                self.error = Some((
                    at,
                    "anchors and tags are not supported in a site file".into(),
                ));
            }
            Event::SequenceStart(..) => self.stack.push((Value::Seq(Vec::new()), at)),
            Event::MappingStart(..) => {
                self.stack.push((Value::Map(Vec::new()), at));
                self.keys.push(None);
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some((value, pos)) = self.stack.pop() {
                    if matches!(value, Value::Map(_)) {
                        self.keys.pop();
                    }
                    self.push(Node { value, pos });
                }
            }
            Event::Alias(_) => {
                self.error = Some((
                    at,
                    "aliases (*name) are not supported in a site file".into(),
                ));
            }
            Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart(_)
            | Event::DocumentEnd
            | Event::Nothing => {}
        }
    }
}

/// Parses one YAML document; an empty file is an empty mapping.
pub(crate) fn parse(text: &str) -> Result<Node, (Pos, String)> {
    let mut b = Builder::default();
    Parser::new_from_str(text)
        .load(&mut b, false)
        .map_err(|e| {
            let m = e.marker();
            (
                Pos {
                    line: m.line(),
                    col: m.col() + 1,
                },
                e.info().to_string(),
            )
        })?;
    if let Some(e) = b.error {
        return Err(e);
    }
    Ok(b.root.unwrap_or(Node {
        value: Value::Map(Vec::new()),
        pos: Pos { line: 1, col: 1 },
    }))
}

/// `s` as a YAML scalar: plain when that reads back as the same string,
/// double-quoted (JSON escapes are valid YAML) otherwise.
pub(crate) fn scalar(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '/' | '-' | '_'))
        && s.parse::<f64>().is_err()
        && !matches!(
            s.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "y" | "n" | "inf" | "nan"
        );
    if plain {
        s.to_string()
    } else {
        serde_json::Value::String(s.to_string()).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodes_know_where_they_are() {
        let doc = "subnets:\n  - cidr: 10.0.1.0/24\n    dns: [10.0.1.53, \"x\"]\n";
        let root = parse(doc).expect("parses");
        let Value::Map(top) = &root.value else {
            panic!("map")
        };
        let Value::Seq(subnets) = &top[0].1.value else {
            panic!("seq")
        };
        let Value::Map(s) = &subnets[0].value else {
            panic!("map")
        };
        assert_eq!(s[0].0.text(), Some("cidr"));
        assert_eq!(s[0].1.pos, Pos { line: 2, col: 11 });
        let Value::Seq(dns) = &s[1].1.value else {
            panic!("seq")
        };
        assert_eq!(dns[1].pos, Pos { line: 3, col: 22 });
        assert_eq!(dns[1].text(), Some("x"));
    }

    #[test]
    fn syntax_errors_and_aliases_have_a_position() {
        let (at, _) = parse("a: [1, 2\nb: 3\n").expect_err("unclosed");
        assert!(at.line >= 2, "{at}");
        let (at, why) = parse("a: &x 1\nb: *x\n").expect_err("anchor");
        assert_eq!(at.line, 1);
        assert!(why.contains("anchors"), "{why}");
    }

    #[test]
    fn scalars_read_back_as_written() {
        for s in [
            "10.0.1.0/24",
            "eth1",
            "02:00:00:00:0e:01",
            "600",
            "yes",
            "",
            "a b",
            "x,y",
        ] {
            let doc = format!("k: {}\n", scalar(s));
            let root = parse(&doc).expect("parses");
            let Value::Map(m) = &root.value else {
                panic!("map")
            };
            assert_eq!(m[0].1.text().unwrap_or(""), s, "{doc}");
            assert!(s.is_empty() || !m[0].1.is_null());
        }
    }
}
