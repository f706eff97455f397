process MCRC_REPORT {
    tag "$meta.id"
    label 'process_single'

    conda "${moduleDir}/environment.yml"
    // Until the bioconda recipe (recipe/ in the mcrc-report sources) is published and biocontainers builds
    // its image, build this one from the sources' Dockerfile: docker build -t mcrc-report:0.1.0 .
    container "mcrc-report:0.1.0"

    input:
    tuple val(meta), path(vcfs), path(indices)

    output:
    tuple val(meta), path("*.xml") , emit: xml
    tuple val(meta), path("*.html"), emit: html
    path "versions.yml"            , emit: versions

    when:
    task.ext.when == null || task.ext.when

    script:
    def args   = task.ext.args ?: ''
    def prefix = task.ext.prefix ?: "${meta.id}"
    // indices are staged beside their VCFs only so that mcrc-report finds them; they are not arguments
    """
    mcrc-report \\
        $args \\
        --threads $task.cpus \\
        -o ${prefix}.xml \\
        $vcfs

    mcrc-report \\
        $args \\
        --threads $task.cpus \\
        -o ${prefix}.html \\
        $vcfs

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        mcrc-report: \$(mcrc-report --version | head -1 | sed 's/^mcrc-report //')
    END_VERSIONS
    """

    stub:
    def prefix = task.ext.prefix ?: "${meta.id}"
    """
    touch ${prefix}.xml
    touch ${prefix}.html

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        mcrc-report: \$(mcrc-report --version | head -1 | sed 's/^mcrc-report //')
    END_VERSIONS
    """
}
