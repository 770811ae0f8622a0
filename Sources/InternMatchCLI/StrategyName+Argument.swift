import ArgumentParser
import InternMatch

extension StrategyName: ExpressibleByArgument {}
