import Foundation

/// Maps an array on every processor, keeping the order: for work that is the same for each
/// element and independent of the others, such as checking the records of a batch file.
enum ParallelMap {
    /// `transform` of every element, in order. Runs on the calling thread when there is one
    /// processor or few elements, so small inputs pay nothing for threads.
    static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], minimumPerThread: Int = 64, _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        let threads = min(ProcessInfo.processInfo.activeProcessorCount, elements.count / max(1, minimumPerThread))
        guard threads > 1 else { return elements.map(transform) }
        return [Result](unsafeUninitializedCapacity: elements.count) { buffer, initialized in
            let output = Output(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: threads) { thread in
                // Contiguous stretches: thread t takes elements [t·n/T, (t+1)·n/T).
                let start = elements.count * thread / threads
                let end = elements.count * (thread + 1) / threads
                for index in start..<end { (output.base + index).initialize(to: transform(elements[index])) }
            }
            initialized = elements.count
        }
    }

    /// Where the threads write: each only its own stretch of the buffer.
    private struct Output<Result>: @unchecked Sendable {
        let base: UnsafeMutablePointer<Result>
    }
}
