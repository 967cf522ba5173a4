import Foundation
import RongheCLI

exit(Ronghe.main(Array(CommandLine.arguments.dropFirst())))
