/// The version of the scoring engine, stored with every scoring batch.
///
/// Bump it whenever a change could alter any score, rank or flag for the same inputs and tree,
/// so that stored batches stay traceable to the code that produced them.
public let engineVersion = "0.1.0"
