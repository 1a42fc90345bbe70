//! stub: replaced by the real standard error body.
/// stub
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatrixError;
/// stub
pub struct ErrorBody;
/// stub
pub struct ErrorKind;
/// stub
pub struct StandardErrorBody;
