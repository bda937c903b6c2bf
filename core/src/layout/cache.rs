//! The set-box cache: an item set at a span on a grid with a setting (cut, headline), kept so
//! that a move which leaves those alone refits nothing, and a change sets only the one item
//! again.

use std::collections::HashMap;
use std::sync::Arc;

use crate::fit::{SetBox, Setting, set_item_as};
use crate::model::{Grid, Language};

/// What a set box depends on: item number, span, grid number, setting.
type Key = (usize, u16, usize, Setting);

/// Set boxes by (item, span, grid, setting). Grids are numbered by the distinct grids of the issue.
#[derive(Debug, Default, Clone)]
pub struct SetCache {
    boxes: HashMap<Key, Arc<SetBox>>,
    /// How many times an item has been set since the cache was made (for tests and benches).
    pub sets: u64,
}

impl SetCache {
    /// The item set at `span` on grid number `grid_no`, set now if not yet cached.
    pub fn get_or_set(
        &mut self,
        (item_no, item): (usize, &crate::model::Item),
        span: u16,
        (grid_no, grid): (usize, &Grid),
        language: Language,
        setting: &Setting,
    ) -> Arc<SetBox> {
        let sets = &mut self.sets;
        self.boxes
            .entry((item_no, span, grid_no, setting.clone()))
            .or_insert_with(|| {
                *sets += 1;
                Arc::new(set_item_as(item, grid, language, span, setting))
            })
            .clone()
    }

    /// The cached box, if the item was set at that span on that grid with that setting.
    pub fn get(&self, item_no: usize, span: u16, grid_no: usize, setting: &Setting) -> Option<&Arc<SetBox>> {
        self.boxes.get(&(item_no, span, grid_no, setting.clone()))
    }

    /// Forgets every set box (a full refit follows).
    pub fn clear(&mut self) {
        self.boxes.clear();
    }
}
