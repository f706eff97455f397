process MCRCSUMMARY {
    tag "$meta.id"
    label 'process_single'

    conda "${moduleDir}/environment.yml"
    // the image of the mcrc-report sources' Dockerfile until biocontainers has one (see ../mcrcreport/main.nf)
    container "mcrc-report:0.1.0"

    input:
    tuple val(meta), path(xmls, stageAs: 'reports/*')

    output:
    tuple val(meta), path("${prefix}.tsv")    , emit: tsv
    tuple val(meta), path("${prefix}_mqc.tsv"), emit: mqc
    tuple val("${task.process}"), val('mcrc-summary'), eval("mcrc-summary --version | head -1 | sed 's/^mcrc-summary //'"), topic: versions, emit: versions_mcrcsummary

    when:
    task.ext.when == null || task.ext.when

    script:
    def args   = task.ext.args ?: ''
    prefix     = task.ext.prefix ?: "${meta.id}"   // no def: the output block names it
    // the report list goes through a file (-l): thousands of reports would not fit one command line
    """
    ls reports/*.xml > ${prefix}.reports.txt
    mcrc-summary \\
        $args \\
        -l ${prefix}.reports.txt \\
        -o ${prefix}.tsv \\
        -m ${prefix}_mqc.tsv
    """

    stub:
    prefix     = task.ext.prefix ?: "${meta.id}"   // no def: the output block names it
    """
    touch ${prefix}.tsv
    touch ${prefix}_mqc.tsv
    """
}
