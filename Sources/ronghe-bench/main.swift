import RongheKit

print("ronghe-bench: engine \(engineVersion)")
