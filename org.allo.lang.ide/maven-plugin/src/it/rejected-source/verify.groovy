// The build failed (invoker.properties); it must have failed for the design's error, reported with
// file, line and column, and written nothing.
def log = new File(basedir, 'build.log').text
assert log =~ /broken\.allo:5:\d+: error: .*undefined_name/ : 'the diagnostic for undefined_name is missing from the build log'
assert log.contains('allo build failed for [broken.allo]')
assert !new File(basedir, 'target/generated-sources/allo').exists() || new File(basedir, 'target/generated-sources/allo').list().length == 0
