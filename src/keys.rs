//! Lookup keys built on the stack, so that a lookup allocates nothing.
//!
//! `build.rs` compiles this file too and builds the tables' keys with the
//! same functions that fold a caller's input.

/// The maximum key length, in bytes. Every SageMaker operation and action
/// name is far shorter, so a longer input cannot name an operation.
pub(crate) const MAX_KEY: usize = 96;

/// A folded key in a fixed buffer.
pub(crate) struct Key {
    bytes: [u8; MAX_KEY],
    len: usize,
}

impl Key {
    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII bytes are ever written.
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

/// Folds an operation name: ASCII case is ignored and `_` and `-` are dropped,
/// so `CreateTrainingJob`, `create_training_job`, `create-training-job` and
/// `createTrainingJob` give one key. Returns `None` for an empty name, a
/// name longer than [`MAX_KEY`] or a name with any other character.
pub(crate) fn fold_name(name: &str) -> Option<Key> {
    let mut key = Key {
        bytes: [0; MAX_KEY],
        len: 0,
    };
    for byte in name.bytes() {
        match byte {
            b'_' | b'-' => {}
            b if b.is_ascii_alphanumeric() => {
                if key.len == MAX_KEY {
                    return None;
                }
                key.bytes[key.len] = b.to_ascii_lowercase();
                key.len += 1;
            }
            _ => return None,
        }
    }
    (key.len > 0).then_some(key)
}

/// Folds an action `service:Name` to lower case. Returns `None` for text
/// longer than [`MAX_KEY`] or with a character no action name has.
pub(crate) fn fold_action(action: &str) -> Option<Key> {
    if action.len() > MAX_KEY {
        return None;
    }
    let mut key = Key {
        bytes: [0; MAX_KEY],
        len: action.len(),
    };
    for (slot, byte) in key.bytes.iter_mut().zip(action.bytes()) {
        if !(byte.is_ascii_alphanumeric() || byte == b':' || byte == b'-') {
            return None;
        }
        *slot = byte.to_ascii_lowercase();
    }
    Some(key)
}
