/// A file of survey responses being written one at a time: ``SurveyCSVWriter``,
/// ``SurveyXLSXWriter`` or ``SurveyJSONWriter``.
///
/// Writers stream: they hold one record at a time, never the batch, so 100,000 enterprises take
/// no more memory than ten. Call ``close()`` at the end and check its error; a file whose writer
/// was not closed is incomplete.
public protocol SurveyRecordWriter: AnyObject {
    /// How many responses have been written.
    var count: Int { get }
    /// Writes one response as the next record.
    func write(_ response: SurveyResponse) throws
    /// Finishes the file. The writer must not be used afterwards.
    func close() throws
}
