// The fuzz builds compile ActorRecognition with swiftc, without SwiftPM's generated resource accessor.
// The targets never load the bundled defaults (they embed what they need); this only lets the module compile.
import Foundation

extension Bundle {
    static var module: Bundle { Bundle.main }
}
