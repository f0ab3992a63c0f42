// Names for the demangler's oracle table: modules, generics, trait impls, closures and std's own code.
use std::collections::HashMap;
use std::fmt;

mod forensics {
    pub mod sample {
        pub struct Region<T> { pub start: u64, pub end: u64, pub tag: T }

        impl<T: Clone> Region<T> {
            #[inline(never)]
            pub fn size(&self) -> u64 { self.end - self.start }
            #[inline(never)]
            pub fn retag<U, F: Fn(&T) -> U>(&self, f: F) -> Region<U> { Region { start: self.start, end: self.end, tag: f(&self.tag) } }
        }

        pub trait Describe { fn describe(&self) -> String; }

        impl Describe for Region<&'static str> {
            #[inline(never)]
            fn describe(&self) -> String { format!("{:#x}-{:#x} {}", self.start, self.end, self.tag) }
        }

        impl<const N: usize> Describe for [u8; N] {
            #[inline(never)]
            fn describe(&self) -> String { format!("{} bytes", N) }
        }
    }
}

use forensics::sample::{Describe, Region};

struct Pair(i32, char);

impl fmt::Display for Pair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { write!(f, "{}{}", self.0, self.1) }
}

#[inline(never)]
fn count_words(text: &str) -> HashMap<&str, usize> {
    let mut counts = HashMap::new();
    for word in text.split_whitespace() { *counts.entry(word).or_insert(0) += 1; }
    counts
}

#[inline(never)]
fn apply_dyn(f: &dyn Fn(u32) -> u32, x: u32) -> u32 { f(x) }

#[inline(never)]
fn tuple_and_slice(items: &[(u8, i64)], raw: *const u16) -> Option<(i64, bool)> {
    items.first().map(|&(a, b)| (b + a as i64, raw.is_null()))
}

fn main() {
    let region = Region { start: 0x1000, end: 0x3000, tag: "heap" };
    let args: Vec<String> = std::env::args().collect();
    let retagged = region.retag(|t| t.len() + args.len());
    let counts = count_words("a b a");
    let offset = args.len() as u32;
    let doubled = apply_dyn(&move |x| x * 2 + offset, 3);
    let bytes = [1u8, 2, 3];
    println!("{} {} {} {} {} {} {:?}", region.size(), retagged.tag, region.describe(), bytes.describe(), counts["a"], doubled + Pair(1, 'x').to_string().len() as u32,
        tuple_and_slice(&[(1, 2)], std::ptr::null()));
}
