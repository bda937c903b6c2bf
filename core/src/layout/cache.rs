//! The set-box cache: an item set at a span on a grid with a setting (cut, headline), kept so
//! that a move which leaves those alone refits nothing, and a change sets only the one item
//! again.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::fit::{SetBox, Setting, set_item_as};
use crate::model::{Grid, Language};

/// What a set box depends on: item number, span, grid number, setting.
type Key = (usize, u16, usize, Setting);

/// Set boxes by (item, span, grid, setting). Grids are numbered by the distinct grids of the issue.
#[derive(Debug, Default, Clone)]
pub struct SetCache {
    boxes: HashMap<Key, Arc<SetBox>>,
    /// How many times an item has been set since the cache was made (for tests and benches).
    /// Shared with the cache's copies, so that the work done on a scratch copy of the desk
    /// (the remedies' trials) is counted too.
    sets: Arc<AtomicU64>,
    /// The boxes set since [`SetCache::record`], while recording: a trial's boxes, forgotten
    /// after it so that a search keeps one trial's lines at a time, not every trial's.
    recorded: Option<Vec<Key>>,
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
        let key = (item_no, span, grid_no, setting.clone());
        if let Some(set) = self.boxes.get(&key) {
            return set.clone();
        }
        self.sets.fetch_add(1, Ordering::Relaxed);
        let set = Arc::new(set_item_as(item, grid, language, span, setting));
        if let Some(recorded) = &mut self.recorded {
            recorded.push(key.clone());
        }
        self.boxes.insert(key, set.clone());
        set
    }

    /// The cached box, if the item was set at that span on that grid with that setting.
    pub fn get(&self, item_no: usize, span: u16, grid_no: usize, setting: &Setting) -> Option<&Arc<SetBox>> {
        self.boxes.get(&(item_no, span, grid_no, setting.clone()))
    }

    /// How many times an item has been set by this cache and its copies.
    pub fn sets(&self) -> u64 {
        self.sets.load(Ordering::Relaxed)
    }

    /// Starts noting the boxes set from now on.
    pub fn record(&mut self) {
        self.recorded = Some(Vec::new());
    }

    /// Forgets the boxes set since [`SetCache::record`] and stops noting them.
    pub fn forget_recorded(&mut self) {
        for key in self.recorded.take().unwrap_or_default() {
            self.boxes.remove(&key);
        }
    }

    /// Forgets every set box (a full refit follows).
    pub fn clear(&mut self) {
        self.boxes.clear();
    }
}
