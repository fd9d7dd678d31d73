// The invoker's check of this example (allo-maven-plugin's integration test): the design's project
// must be complete enough for `make csim`.
def project = new File(basedir, 'target/generated-sources/allo/fir.prj')
['kernel.cpp', 'kernel.h', 'tb.cpp', 'Makefile'].each { name ->
    def file = new File(project, name)
    assert file.isFile() && file.length() > 0 : "allo:generate did not write ${file}"
}
assert new File(project, 'kernel.cpp').text.contains('void fir(') : 'kernel.cpp lacks the fir kernel'
