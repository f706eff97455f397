process MCRCREPORT {
    tag "$meta.id"
    label 'process_single'

    conda "${moduleDir}/environment.yml"
    // Until the bioconda recipe (recipe/ in the mcrc-report sources) is published and biocontainers builds
    // its image, build this one from the sources' Dockerfile: docker build -t mcrc-report:0.1.0 .
    container "mcrc-report:0.1.0"

    input:
    tuple val(meta), path(vcfs), path(indices), path(callable)
    tuple val(meta2), path(fasta), path(fai)
    tuple val(meta3), path(kb)

    output:
    tuple val(meta), path("*.xml") , emit: xml
    tuple val(meta), path("*.html"), emit: html
    tuple val(meta), path("*.json"), emit: json
    tuple val("${task.process}"), val('mcrc-report'), eval("mcrc-report --version | head -1 | sed 's/^mcrc-report //'"), topic: versions, emit: versions_mcrcreport

    when:
    task.ext.when == null || task.ext.when

    script:
    def args   = task.ext.args ?: ''
    def prefix = task.ext.prefix ?: "${meta.id}"
    // staged files, never paths in ext.args (those are not staged into the task's directory):
    // the callable intervals of this tumour, the reference (its .fai staged beside it), a lab's knowledge base
    def callable_arg = callable ? "--callable ${callable}" : ''
    def fasta_arg    = fasta ? "--fasta ${fasta}" : ''
    def kb_arg       = kb ? "--kb ${kb}" : ''
    // indices are staged beside their VCFs only so that mcrc-report finds them; they are not arguments.
    // One run writes every format from the same decision and provenance, all or none (mcrc-report >= 0.1.0:
    // -o for the XML, --html and --json for the others; man mcrc-report, OUTPUTS).
    """
    mcrc-report \\
        $args \\
        $callable_arg \\
        $fasta_arg \\
        $kb_arg \\
        --threads $task.cpus \\
        -o ${prefix}.xml \\
        --html ${prefix}.html \\
        --json ${prefix}.json \\
        $vcfs
    """

    stub:
    def prefix = task.ext.prefix ?: "${meta.id}"
    """
    touch ${prefix}.xml
    touch ${prefix}.html
    touch ${prefix}.json
    """
}
