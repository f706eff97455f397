<?xml version="1.0" encoding="UTF-8"?>
<!--
  report-html.xsl - the mcrc-report XML report (schemas/report.xsd) as one self-contained HTML page.

  One model, two views: this stylesheet sees only the report tree.  It is compiled into mcrc-report
  and applied by libxslt (src/html.c); a lab can restyle the page with its own copy:
      mcrc-report with the option html-template (two hyphens) naming a copy of this file
  See docs/html-report.md for the layout, the parameters and how to change the wording.

  Rules kept here:
  - Every string from the report (VCF strings, knowledge-base text) is written with xsl:value-of or as
    an attribute value, which the HTML output method escapes.  Never use disable-output-escaping on data.
  - No scripts, no remote loads: inline CSS only, and a Content-Security-Policy meta that forbids the rest.
  - The page's own fixed words (headings, table headers, status words) are data: the $labels table below,
    one row per language and key.  A language without a row falls back to English.
  - Biomarkers are rendered generically: every child element of a <biomarker> is shown, as a row of the
    details table (the kinds listed as "detail" in $labels) or as a table of its own whose columns are the
    attributes present (evidence, variants, and anything added later).
  - No generate-id() in the output (it differs between runs): the same report gives the same bytes.

  Parameter: fragment = '1' gives an embeddable <section class="mcrc"> instead of a whole page.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>
  <xsl:strip-space elements="*"/>
  <xsl:param name="fragment" select="'0'"/>

  <!-- ================================================================================================
       Fixed words of the page: language|key|text, one row a line, rows start at the line's first column.
       Keys: title, h.* headings, col.* column headers, status.* and status-note.* the status words,
       gene.* and alteration.* the biomarkers, group.* the knowledge-base sections, el.* element names,
       attr.* attribute names, val.ATTR.VALUE attribute values, kind.* how an element is shown
       ("detail": a row of the details table; anything else: a table), marker.* the status symbols.
       Add a language by adding its rows; the page's lang attribute comes from the report.
       ================================================================================================ -->
  <xsl:variable name="labels">
en|title|Tumour biomarker results
es|title|Resultados de biomarcadores del tumor
en|kicker|Report appendix: tumour DNA test for bowel (colorectal) cancer
es|kicker|Anexo del informe: prueba del ADN del tumor en el cáncer colorrectal
en|sample|Sample
es|sample|Muestra
en|date|Report date
es|date|Fecha del informe
en|h.glance|Your results at a glance
es|h.glance|Sus resultados de un vistazo
en|glance.intro|Each line shows one gene and its result. The symbol and the words say the same thing, so you do not need colour to read them.
es|glance.intro|Cada línea muestra un gen y su resultado. El símbolo y las palabras dicen lo mismo, así que no hace falta ver los colores para leerlos.
en|col.gene|Gene, and what was tested
es|col.gene|Gen, y qué se analizó
en|col.result|Result
es|col.result|Resultado
en|glance.care|Please go over these results with your care team. They can tell you what they mean for you.
es|glance.care|Por favor, revise estos resultados con su equipo médico. Ellos pueden decirle qué significan para usted.
en|glance.word|Word used in the report
es|glance.word|Palabra del informe
en|status.amplified|Amplified
es|status.amplified|Amplificado
en|status-note.amplified|extra copies found
es|status-note.amplified|se encontraron copias de más
en|status.equivocal|Equivocal
es|status.equivocal|Dudoso
en|status-note.equivocal|borderline: a second test is needed
es|status-note.equivocal|en el límite: hace falta una segunda prueba
en|status.not-amplified|Not amplified
es|status.not-amplified|No amplificado
en|status-note.not-amplified|no extra copies found
es|status-note.not-amplified|no se encontraron copias de más
en|status.mutant|Change found
es|status.mutant|Con cambio
en|status-note.mutant|a mutation: the gene has a change
es|status-note.mutant|una mutación: el gen tiene un cambio
en|status.wild-type|Wild type
es|status.wild-type|Sin mutación
en|status-note.wild-type|no change found
es|status-note.wild-type|normal: no se encontró ningún cambio
en|status.no-mutation-detected|No mutation detected
es|status.no-mutation-detected|No se detectó mutación
en|status-note.no-mutation-detected|none seen, but the test could not be sure
es|status-note.no-mutation-detected|no se vio ninguna, pero la prueba no pudo estar segura
en|status.indeterminate|Indeterminate
es|status.indeterminate|Indeterminado
en|status-note.indeterminate|no clear answer
es|status-note.indeterminate|sin una respuesta clara
en|status.not-assessed|Not assessed
es|status.not-assessed|No analizado
en|status-note.not-assessed|this gene was not checked
es|status-note.not-assessed|este gen no se analizó
en|marker.amplified|▲
en|marker.mutant|▲
en|marker.equivocal|◆
en|marker.not-amplified|○
en|marker.wild-type|○
en|marker.no-mutation-detected|◌
en|marker.indeterminate|?
en|marker.not-assessed|⊘
en|gene.ERBB2|ERBB2 (HER2)
en|alteration.amplification|Extra copies of the gene (amplification)
es|alteration.amplification|Copias de más del gen (amplificación)
en|alteration.mutation|Changes in the gene (mutation)
es|alteration.mutation|Cambios en el gen (mutación)
en|h.bottom|The bottom line
es|h.bottom|Lo esencial
en|bottom.found|What the test found
es|bottom.found|Lo que encontró la prueba
en|bottom.means|What this means for treatment
es|bottom.means|Qué supone para el tratamiento
en|bottom.next|Next steps
es|bottom.next|Próximos pasos
en|bottom.questions|Questions to ask your doctor
es|bottom.questions|Preguntas para su médico
en|find.gene.ERBB2|HER2
en|find.ERBB2.amplified|extra copies found
es|find.ERBB2.amplified|se encontraron copias de más
en|find.copies|about % copies
es|find.copies|unas % copias
en|find.ERBB2.equivocal|a borderline number of copies; a second test is needed
es|find.ERBB2.equivocal|un número de copias en el límite; hace falta otra prueba
en|find.ERBB2.not-amplified|no extra copies found
es|find.ERBB2.not-amplified|no se encontraron copias de más
en|find.ERBB2.indeterminate|no clear answer
es|find.ERBB2.indeterminate|sin una respuesta clara
en|find.ERBB2.not-assessed|not checked
es|find.ERBB2.not-assessed|no se analizó
en|find.mutant|change % found
es|find.mutant|se encontró el cambio %
en|find.mutant-unnamed|a change was found
es|find.mutant-unnamed|se encontró un cambio
en|find.wild-type|no change found (wild type)
es|find.wild-type|sin mutación (normal)
en|find.no-mutation-detected|no change seen, but the test could not read all of the gene well enough to be sure
es|find.no-mutation-detected|no se vio ningún cambio, pero la prueba no pudo leer bien todo el gen
en|find.indeterminate|no clear answer
es|find.indeterminate|sin una respuesta clara
en|find.not-assessed|not checked
es|find.not-assessed|no se analizó
en|h.refs|References
es|h.refs|Referencias
en|refs.intro|The numbers in square brackets on this page point to this list.
es|refs.intro|Los números entre corchetes de esta página remiten a esta lista. Las referencias están en inglés.
en|reviewed|Information checked against guidelines and drug labels on
es|reviewed|Información revisada con guías y fichas técnicas el
en|print.checked|Information checked
es|print.checked|Información revisada
en|print.page|Page
es|print.page|Página
en|print.of|of
es|print.of|de
en|h.clin-summary|Clinician summary
es|h.clin-summary|Resumen para el médico
en|limits.nmd|“No mutation detected” means no change was seen but parts of the gene were not read well; “wild type” means they were read well and there was no change.
es|limits.nmd|«No se detectó mutación» quiere decir que no se vio ningún cambio, pero partes del gen no se leyeron bien; «sin mutación (normal)» quiere decir que se leyeron bien y no había cambios.
en|group.about|About HER2
es|group.about|Sobre HER2
en|group.result|What your results mean
es|group.result|Qué significan sus resultados
en|group.status-words|What the result words mean
es|group.status-words|Qué quieren decir las palabras del resultado
en|group.testing|About the test
es|group.testing|Sobre la prueba
en|group.treatment|Treatment
es|group.treatment|Tratamiento
en|group.side-effects|Safety and side effects
es|group.side-effects|Seguridad y efectos secundarios
en|group.questions|Questions to ask your doctor
es|group.questions|Preguntas para su médico
en|group.support|Help, support and clinical trials
es|group.support|Ayuda, apoyo y ensayos clínicos
en|group.other|More information
es|group.other|Más información
en|source|Source
es|source|Fuente
en|sources|Sources
es|sources|Fuentes
en|h.clinician|Appendix for the clinician: summary, evidence and provenance
es|h.clinician|Anexo para el profesional clínico: resumen, evidencia y procedencia
en|clinician.intro|Technical details for the care team: the records behind each result, the thresholds used and how this report was made.
es|clinician.intro|Detalles técnicos para el equipo médico: los registros en que se basa cada resultado, los umbrales usados y cómo se hizo este informe. Lo que las notas citan de los archivos (nombres de campos, filtros, transcritos) se da tal como está escrito en ellos.
en|h.details|Details
es|h.details|Detalles
en|reason|Reason
es|reason|Motivo
en|status-word|Status
es|status-word|Estado
en|records|records
es|records|registros
en|record|record
es|record|registro
en|set-aside.note|A record marked “set aside” was not used for the result; its note says why.
es|set-aside.note|Un registro marcado «descartado» no se usó para el resultado; su nota dice por qué.
en|set-aside.count|set aside
es|set-aside.count|descartados
en|no-evidence|No record from the input files fell on this gene.
es|no-evidence|Ningún registro de los archivos de entrada cae en este gen.
en|row|Row
es|row|Fila
en|files|Files
es|files|Archivos
en|h.provenance|Provenance: how this report was made
es|h.provenance|Procedencia: cómo se hizo este informe
en|h.limits|Limits of this test
es|h.limits|Límites de esta prueba
en|limits.looked|What this report looked at
es|limits.looked|Qué miró este informe
en|limits.not-looked|What this report did not look at
es|limits.not-looked|Qué no miró este informe
en|limits.not-checked|not checked in this report
es|limits.not-checked|no se analizó en este informe
en|limits.from-files|from the lab’s data files listed in the clinician section
es|limits.from-files|a partir de los archivos de datos del laboratorio que se listan en la sección clínica
en|limits.other-genes|Any gene other than the ones in the table at the top.
es|limits.other-genes|Ningún gen aparte de los de la tabla del principio.
en|limits.ihc|HER2 protein on the tumour cells (an IHC test), or HER2 copies counted under a microscope (an ISH test).
es|limits.ihc|La proteína HER2 en las células del tumor (prueba de IHQ), ni las copias de HER2 contadas al microscopio (prueba de ISH).
en|limits.msi|Other tumour features, such as MSI (microsatellite instability).
es|limits.msi|Otras características del tumor, como la IMS (inestabilidad de microsatélites).
en|limits.inherited|Whether a gene change runs in your family. This report is about the tumour only.
es|limits.inherited|Si un cambio en un gen viene de familia. Este informe trata solo del tumor.
en|limits.software|Software made this report from the lab’s data files. It did not look at the tumour sample itself, and it is not a diagnosis.
es|limits.software|Un programa hizo este informe a partir de los archivos de datos del laboratorio. No miró la muestra del tumor en sí, y no es un diagnóstico.
en|limits.care|Please talk about these results with your care team before you make any choice about treatment.
es|limits.care|Por favor, hable de estos resultados con su equipo médico antes de tomar cualquier decisión sobre el tratamiento.
en|footer.made|Made by
es|footer.made|Hecho con
en|footer.kb|knowledge base
es|footer.kb|base de conocimiento
en|footer.on|on
es|footer.on|el
en|kind.gene-span|detail
en|kind.copy-number|detail
en|kind.amplified-part|detail
en|kind.thresholds|detail
en|el.gene-span|Gene region
es|el.gene-span|Región del gen
en|el.copy-number|Copy number over the gene
es|el.copy-number|Número de copias en el gen
en|el.amplified-part|Amplified part of the gene
es|el.amplified-part|Parte amplificada del gen
en|el.thresholds|Thresholds
es|el.thresholds|Umbrales
en|el.evidence|Copy-number records over the gene
es|el.evidence|Registros de número de copias en el gen
en|el.variant|Variants
es|el.variant|Variantes
en|el.not-listed|Variants counted, not listed
es|el.not-listed|Variantes contadas, no listadas
en|el.tool|Tool
es|el.tool|Herramienta
en|el.library|Library
es|el.library|Biblioteca
en|el.command-line|Command line
es|el.command-line|Línea de órdenes
en|el.time|Time
es|el.time|Hora
en|el.genome|Genome build
es|el.genome|Versión del genoma
en|el.input|Input file
es|el.input|Archivo de entrada
en|el.knowledge-base|Knowledge base
es|el.knowledge-base|Base de conocimiento
en|attr.basis|Basis
es|attr.basis|Base
en|attr.build|Build
es|attr.build|Versión del genoma
en|attr.chrom|Chromosome
es|attr.chrom|Cromosoma
en|attr.start|Start
es|attr.start|Inicio
en|attr.end|End
es|attr.end|Fin
en|attr.transcript|Transcript
es|attr.transcript|Transcrito
en|attr.min|Lowest
es|attr.min|Mínimo
en|attr.max|Highest
es|attr.max|Máximo
en|attr.amp-cn|Amplified at copy number ≥
es|attr.amp-cn|Amplificado con número de copias ≥
en|attr.equivocal-cn|Equivocal at copy number ≥
es|attr.equivocal-cn|Dudoso con número de copias ≥
en|attr.ploidy|Normal copy number (ploidy)
es|attr.ploidy|Número de copias normal (ploidía)
en|attr.purity|Tumour purity
es|attr.purity|Pureza tumoral
en|attr.input|File
es|attr.input|Archivo
en|attr.record|Record
es|attr.record|Registro
en|attr.pos|Position
es|attr.pos|Posición
en|attr.id|ID
es|attr.id|ID
en|attr.ref|REF
en|attr.alt|ALT
en|attr.filter|FILTER
en|attr.qual|QUAL
en|attr.direction|Direction
es|attr.direction|Sentido
en|attr.gene-field|Gene field
es|attr.gene-field|Campo de gen
en|attr.field|Field
es|attr.field|Campo
en|attr.value|Value
es|attr.value|Valor
en|attr.copy-number-observed|Observed copy number
es|attr.copy-number-observed|Número de copias observado
en|attr.copy-number|Derived copy number
es|attr.copy-number|Número de copias derivado
en|attr.used|Used?
es|attr.used|¿Usado?
en|attr.note|Note
es|attr.note|Nota
en|attr.count|Number
es|attr.count|Número
en|attr.kind|Kind
es|attr.kind|Tipo
en|attr.gene|Gene
es|attr.gene|Gen
en|attr.hgvsc|Coding change
es|attr.hgvsc|Cambio codificante
en|attr.hgvs-c|Coding change
es|attr.hgvs-c|Cambio codificante
en|attr.coding|Coding change
es|attr.coding|Cambio codificante
en|attr.hgvsp|Protein change
es|attr.hgvsp|Cambio proteico
en|attr.hgvs-p|Protein change
es|attr.hgvs-p|Cambio proteico
en|attr.protein|Protein change
es|attr.protein|Cambio proteico
en|attr.consequence|Consequence
es|attr.consequence|Consecuencia
en|attr.vaf|VAF
es|attr.vaf|VAF
en|attr.depth|Depth
es|attr.depth|Profundidad
en|attr.alt-depth|Variant reads
es|attr.alt-depth|Lecturas de la variante
en|attr.classification|Classification
es|attr.classification|Clasificación
en|attr.hotspot|Hotspot
es|attr.hotspot|Punto caliente
en|attr.codon|Codon
es|attr.codon|Codón
en|attr.class|Class
es|attr.class|Clase
en|attr.covered|Covered by the input?
es|attr.covered|¿Cubierto por la entrada?
en|attr.min-vaf|Lowest VAF counted
es|attr.min-vaf|VAF mínima
en|attr.min-depth|Lowest depth counted
es|attr.min-depth|Profundidad mínima
en|attr.include-filtered|Filtered calls counted
es|attr.include-filtered|Se cuentan las variantes filtradas
en|attr.callable|Callable regions
es|attr.callable|Regiones analizables
en|attr.fasta|Reference sequence
es|attr.fasta|Secuencia de referencia
en|attr.vaf-field|VAF field
es|attr.vaf-field|Campo de VAF
en|attr.depth-field|Depth field
es|attr.depth-field|Campo de profundidad
en|attr.annotation|Annotation
es|attr.annotation|Anotación
en|attr.annotation-transcript|Annotation transcript
es|attr.annotation-transcript|Transcrito de la anotación
en|attr.annotation-protein|Annotation protein change
es|attr.annotation-protein|Cambio proteico de la anotación
en|attr.translation-protein|Translated protein change
es|attr.translation-protein|Cambio proteico traducido
en|attr.reads-depth|Reads over the codon (alignments)
es|attr.reads-depth|Lecturas sobre el codón (alineaciones)
en|attr.reads-base-depths|Reads over each base
es|attr.reads-base-depths|Lecturas sobre cada base
en|attr.reads-alt|Reads showing a protein change
es|attr.reads-alt|Lecturas con un cambio en la proteína
en|attr.reads-change|Protein change in the reads
es|attr.reads-change|Cambio proteico en las lecturas
en|attr.reads-without-call|Reads show a change no call includes?
es|attr.reads-without-call|¿Las lecturas muestran un cambio sin variante?
en|el.alignments|Alignments (BAM/CRAM)
es|el.alignments|Alineaciones (BAM/CRAM)
en|attr.sample-checked|Sample checked against the calls?
es|attr.sample-checked|¿Se comprobó la muestra frente a las variantes?
en|attr.min-mapq|Lowest mapping quality counted
es|attr.min-mapq|Calidad de mapeo mínima
en|attr.min-baseq|Lowest base quality counted
es|attr.min-baseq|Calidad de base mínima
en|attr.skipped-flags|Reads skipped (flags)
es|attr.skipped-flags|Lecturas descartadas (flags)
en|attr.codons-read|Codons read
es|attr.codons-read|Codones leídos
en|el.hotspot|Hotspot codons
es|el.hotspot|Codones de puntos calientes
en|val.covered.true|✓ yes
es|val.covered.true|✓ sí
en|val.covered.false|✗ no
es|val.covered.false|✗ no
en|val.include-filtered.true|yes
es|val.include-filtered.true|sí
en|val.include-filtered.false|no
es|val.include-filtered.false|no
en|attr.name|Name
es|attr.name|Nombre
en|attr.version|Version
es|attr.version|Versión
en|attr.determined-by|Determined by
es|attr.determined-by|Determinada por
en|attr.path|Path
es|attr.path|Ruta
en|attr.format|Format
es|attr.format|Formato
en|attr.compression|Compression
es|attr.compression|Compresión
en|attr.size|Size (bytes)
es|attr.size|Tamaño (bytes)
en|attr.sha256|SHA-256
en|attr.sha256-skipped|SHA-256 not computed
es|attr.sha256-skipped|SHA-256 no calculado
en|val.sha256-skipped.stream|read from a stream
es|val.sha256-skipped.stream|leído de un flujo
en|val.sha256-skipped.index|read through its index (--checksum full hashes it)
es|val.sha256-skipped.index|leído a través de su índice (--checksum full lo calcula)
en|val.sha256-skipped.option|--checksum none
es|val.sha256-skipped.option|--checksum none
en|attr.access|Read by
es|attr.access|Lectura
en|attr.sample|Sample
es|attr.sample|Muestra
en|attr.sample-chosen-by|Sample chosen by
es|attr.sample-chosen-by|Muestra elegida por
en|attr.build-determined-by|Build determined by
es|attr.build-determined-by|Versión determinada por
en|attr.copy-number-fields|Copy-number fields
es|attr.copy-number-fields|Campos de número de copias
en|attr.records-read|Records read
es|attr.records-read|Registros leídos
en|attr.records-in-genes|Records in gene regions
es|attr.records-in-genes|Registros en regiones de genes
en|attr.source|Source
es|attr.source|Origen
en|attr.data-sha256|Data tables SHA-256
es|attr.data-sha256|SHA-256 de las tablas de datos
en|val.used.true|✓ used
es|val.used.true|✓ usado
en|val.used.false|✗ set aside
es|val.used.false|✗ descartado
en|val.kind.outside-coding-sequence|outside the coding sequence
es|val.kind.outside-coding-sequence|fuera de la secuencia codificante
en|val.kind.effect-not-determined|effect not determined
es|val.kind.effect-not-determined|efecto no determinado
en|val.kind.over-listing-cap|more of the same kind than the list shows
es|val.kind.over-listing-cap|más del mismo tipo de las que muestra la lista
en|val.kind.repeated-segment|repeats of a listed copy-number segment
es|val.kind.repeated-segment|repeticiones de un segmento de número de copias listado
en|val.direction.gain|gain
es|val.direction.gain|ganancia
en|val.direction.loss|loss
es|val.direction.loss|pérdida
en|val.direction.neutral|neutral
es|val.direction.neutral|neutro
en|val.direction.unknown|unknown
es|val.direction.unknown|desconocido
en|val.access.index|index
es|val.access.index|índice
en|val.access.stream|whole file
es|val.access.stream|archivo completo
</xsl:variable>

  <xsl:variable name="L" select="concat('&#10;', string($labels))"/>
  <xsl:variable name="lang" select="string(/mcrc-report/@lang)"/>

  <!-- the text for a key in the page's language, else English, else $default (else the key) -->
  <xsl:template name="t">
    <xsl:param name="k"/>
    <xsl:param name="default" select="$k"/>
    <xsl:variable name="own" select="concat('&#10;', $lang, '|', $k, '|')"/>
    <xsl:variable name="en" select="concat('&#10;en|', $k, '|')"/>
    <xsl:choose>
      <xsl:when test="contains($L, $own)"><xsl:value-of select="substring-before(substring-after($L, $own), '&#10;')"/></xsl:when>
      <xsl:when test="contains($L, $en)"><xsl:value-of select="substring-before(substring-after($L, $en), '&#10;')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$default"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- grouping keys (compared by generate-id, never written out) -->
  <xsl:key name="kb-section" match="interpretation/block[@audience='patient']" use="@section"/>
  <xsl:key name="bm-group" match="biomarker/*" use="concat(generate-id(..), '|', name())"/>
  <xsl:key name="bm-col" match="biomarker/*/@*" use="concat(generate-id(../..), '|', name(..), '|', name())"/>
  <xsl:key name="bm-sub" match="biomarker/*/*" use="concat(generate-id(../..), '|', name(..), '|', name())"/>
  <xsl:key name="sample" match="provenance/input/@sample" use="."/>
  <xsl:key name="src" match="interpretation/block/source" use="@id"/>

  <!-- in a table of more than $max-columns attributes, these get a column each; the rest go on a second line under each row -->
  <xsl:variable name="primary-columns" select="' input chrom pos end id ref alt filter direction field value copy-number-observed copy-number vaf depth transcript coding protein classification codon class covered used note '"/>
  <xsl:variable name="max-columns" select="8"/>

  <!-- the order of the plain-language sections (fixed headings, group.*).  bottom-line, next-steps and questions go in
       the box at the top; limits and support after them, at the end of the patient part; clinician blocks to the appendix -->
  <xsl:variable name="section-order" select="' result status-words treatment side-effects about testing '"/>
  <xsl:variable name="box-sections" select="' bottom-line next-steps questions limits support '"/>

  <!-- ================================================================================ the page -->
  <xsl:template match="/">
    <xsl:apply-templates select="mcrc-report"/>
  </xsl:template>

  <xsl:template match="/mcrc-report">
    <xsl:choose>
      <xsl:when test="$fragment = '1'">
        <section class="mcrc mcrc-fragment" lang="{$lang}" aria-labelledby="mcrc-title">
          <style><xsl:call-template name="css"/></style>
          <xsl:call-template name="header"><xsl:with-param name="h" select="'h2'"/></xsl:call-template>
          <xsl:call-template name="body-parts"><xsl:with-param name="shift" select="1"/></xsl:call-template>
          <xsl:call-template name="footer"/>
        </section>
      </xsl:when>
      <xsl:otherwise>
        <html lang="{$lang}">
          <head>
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; font-src 'none'; script-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <meta name="referrer" content="no-referrer"/>
            <meta name="color-scheme" content="light"/>
            <meta name="generator" content="mcrc-report"/>
            <title>
              <xsl:call-template name="t"><xsl:with-param name="k" select="'title'"/></xsl:call-template>
              <xsl:if test="provenance/input/@sample">
                <xsl:text> – </xsl:text>
                <xsl:call-template name="sample-names"/>
              </xsl:if>
            </title>
            <style><xsl:call-template name="page-css"/><xsl:call-template name="css"/></style>
          </head>
          <body>
            <div class="mcrc">
              <xsl:call-template name="header"><xsl:with-param name="h" select="'h1'"/></xsl:call-template>
              <main>
                <xsl:call-template name="body-parts"><xsl:with-param name="shift" select="0"/></xsl:call-template>
              </main>
              <xsl:call-template name="footer"/>
            </div>
          </body>
        </html>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a heading of level 1+$shift+$level (h1..h6) -->
  <xsl:template name="heading">
    <xsl:param name="level"/>
    <xsl:param name="shift" select="0"/>
    <xsl:param name="id" select="''"/>
    <xsl:param name="text"/>
    <xsl:variable name="n">
      <xsl:choose>
        <xsl:when test="$level + $shift &gt; 6">6</xsl:when>
        <xsl:otherwise><xsl:value-of select="$level + $shift"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="h{$n}">
      <xsl:if test="$id != ''"><xsl:attribute name="id"><xsl:value-of select="$id"/></xsl:attribute></xsl:if>
      <xsl:copy-of select="$text"/>
    </xsl:element>
  </xsl:template>

  <xsl:template name="sample-names">
    <xsl:for-each select="/mcrc-report/provenance/input/@sample[generate-id() = generate-id(key('sample', .)[1])]">
      <xsl:if test="position() &gt; 1">, </xsl:if>
      <xsl:value-of select="."/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="header">
    <xsl:param name="h"/>
    <header class="mcrc-head">
      <p class="mcrc-kicker"><xsl:call-template name="t"><xsl:with-param name="k" select="'kicker'"/></xsl:call-template></p>
      <xsl:element name="{$h}">
        <xsl:attribute name="id">mcrc-title</xsl:attribute>
        <xsl:call-template name="t"><xsl:with-param name="k" select="'title'"/></xsl:call-template>
      </xsl:element>
      <dl class="mcrc-meta">
        <xsl:if test="provenance/input/@sample">
          <div>
            <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'sample'"/></xsl:call-template></dt>
            <dd class="mcrc-data"><xsl:call-template name="sample-names"/></dd>
          </div>
        </xsl:if>
        <div>
          <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'date'"/></xsl:call-template></dt>
          <dd><xsl:value-of select="substring(provenance/time, 1, 10)"/></dd>
        </div>
      </dl>
    </header>
  </xsl:template>

  <xsl:template name="footer">
    <footer class="mcrc-foot">
      <p>
        <xsl:call-template name="t"><xsl:with-param name="k" select="'footer.made'"/></xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:value-of select="provenance/tool/@name"/>
        <xsl:if test="provenance/tool/@version"><xsl:text> </xsl:text><xsl:value-of select="provenance/tool/@version"/></xsl:if>
        <xsl:text> </xsl:text>
        <xsl:call-template name="t"><xsl:with-param name="k" select="'footer.on'"/></xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:value-of select="substring(provenance/time, 1, 10)"/>
        <xsl:if test="provenance/knowledge-base/@version">
          <xsl:text>; </xsl:text>
          <xsl:call-template name="t"><xsl:with-param name="k" select="'footer.kb'"/></xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:value-of select="provenance/knowledge-base/@version"/>
        </xsl:if>
        <xsl:text>.</xsl:text>
      </p>
      <xsl:if test="interpretation/block/@reviewed">
        <p class="mcrc-reviewed">
          <xsl:call-template name="t"><xsl:with-param name="k" select="'reviewed'"/></xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:value-of select="interpretation/block[1]/@reviewed"/>
          <xsl:text>.</xsl:text>
        </p>
      </xsl:if>
    </footer>
  </xsl:template>

  <xsl:template name="body-parts">
    <xsl:param name="shift"/>
    <xsl:call-template name="bottom-line"><xsl:with-param name="shift" select="$shift"/></xsl:call-template>
    <xsl:call-template name="glance"><xsl:with-param name="shift" select="$shift"/></xsl:call-template>
    <xsl:call-template name="patient"><xsl:with-param name="shift" select="$shift"/></xsl:call-template>
    <xsl:call-template name="limits"><xsl:with-param name="shift" select="$shift"/></xsl:call-template>
    <xsl:call-template name="support"><xsl:with-param name="shift" select="$shift"/></xsl:call-template>
    <xsl:call-template name="clinician"><xsl:with-param name="shift" select="$shift"/></xsl:call-template>
    <xsl:call-template name="references"><xsl:with-param name="shift" select="$shift"/></xsl:call-template>
  </xsl:template>

  <!-- ================================================================================ results at a glance -->
  <xsl:template name="gene-label">
    <xsl:param name="gene" select="@gene"/>
    <xsl:call-template name="t">
      <xsl:with-param name="k" select="concat('gene.', $gene)"/>
      <xsl:with-param name="default" select="$gene"/>
    </xsl:call-template>
  </xsl:template>

  <!-- the status of the current biomarker: symbol + words, never colour alone -->
  <xsl:template name="status-badge">
    <xsl:variable name="s" select="string(@status)"/>
    <span class="mcrc-badge mcrc-s-{$s}">
      <span class="mcrc-marker" aria-hidden="true">
        <xsl:call-template name="t"><xsl:with-param name="k" select="concat('marker.', $s)"/><xsl:with-param name="default" select="'•'"/></xsl:call-template>
      </span>
      <xsl:text> </xsl:text>
      <strong class="mcrc-status"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('status.', $s)"/><xsl:with-param name="default" select="$s"/></xsl:call-template></strong>
      <xsl:variable name="note"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('status-note.', $s)"/><xsl:with-param name="default" select="''"/></xsl:call-template></xsl:variable>
      <xsl:if test="string($note) != ''">
        <xsl:text> </xsl:text>
        <span class="mcrc-status-note">(<xsl:value-of select="$note"/>)</span>
      </xsl:if>
    </span>
  </xsl:template>

  <xsl:template name="glance">
    <xsl:param name="shift"/>
    <section class="mcrc-glance" aria-labelledby="mcrc-h-glance">
      <xsl:call-template name="heading">
        <xsl:with-param name="level" select="2"/><xsl:with-param name="shift" select="$shift"/><xsl:with-param name="id" select="'mcrc-h-glance'"/>
        <xsl:with-param name="text"><xsl:call-template name="t"><xsl:with-param name="k" select="'h.glance'"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="'glance.intro'"/></xsl:call-template></p>
      <table class="mcrc-glance-table" aria-labelledby="mcrc-h-glance">
        <thead>
          <tr>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'col.gene'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'col.result'"/></xsl:call-template></th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="biomarker">
            <tr class="mcrc-row-{@status}" data-gene="{@gene}" data-status="{@status}">
              <th scope="row">
                <span class="mcrc-gene"><xsl:call-template name="gene-label"/></span>
                <xsl:text> </xsl:text>
                <span class="mcrc-tested"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('alteration.', @alteration)"/><xsl:with-param name="default" select="@alteration"/></xsl:call-template></span>
              </th>
              <td>
                <xsl:call-template name="status-badge"/>
                <xsl:if test="$lang != 'en'">
                  <xsl:text> </xsl:text>
                  <span class="mcrc-word"><xsl:call-template name="t"><xsl:with-param name="k" select="'glance.word'"/></xsl:call-template>: <code lang="en"><xsl:value-of select="@status"/></code></span>
                </xsl:if>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
      <p class="mcrc-care"><xsl:call-template name="t"><xsl:with-param name="k" select="'glance.care'"/></xsl:call-template></p>
    </section>
  </xsl:template>

  <!-- ================================================================================ plain-language sections -->
  <xsl:template name="patient">
    <xsl:param name="shift"/>
    <xsl:variable name="blocks" select="interpretation/block[@audience='patient'][not(contains($box-sections, concat(' ', @section, ' ')))]"/>
    <!-- the known sections in their order, then any other section of a lab's knowledge base, in document order -->
    <xsl:for-each select="$blocks[generate-id() = generate-id(key('kb-section', @section)[1])]">
      <xsl:sort data-type="number" select="string-length(substring-before($section-order, concat(' ', @section, ' '))) + 1000 * number(not(contains($section-order, concat(' ', @section, ' '))))"/>
      <xsl:variable name="sec" select="string(@section)"/>
      <xsl:variable name="known" select="contains($section-order, concat(' ', $sec, ' '))"/>
      <xsl:variable name="in-group" select="$blocks[@section = $sec]"/>
      <section class="mcrc-kb mcrc-kb-{$sec}" aria-labelledby="mcrc-h-kb-{position()}" data-section="{$sec}">
        <xsl:call-template name="heading">
          <xsl:with-param name="level" select="2"/><xsl:with-param name="shift" select="$shift"/><xsl:with-param name="id" select="concat('mcrc-h-kb-', position())"/>
          <xsl:with-param name="text">
            <xsl:choose>
              <xsl:when test="$known"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('group.', $sec)"/></xsl:call-template></xsl:when>
              <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'group.other'"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:apply-templates select="$in-group">
          <xsl:with-param name="level" select="3 + $shift"/>
        </xsl:apply-templates>
      </section>
    </xsl:for-each>
  </xsl:template>

  <!-- one knowledge-base block: its title, text and citation -->
  <xsl:template match="block">
    <xsl:param name="level" select="3"/>
    <xsl:param name="id" select="''"/>
    <div class="mcrc-block" data-block="{@id}">
      <xsl:call-template name="heading">
        <xsl:with-param name="level" select="$level"/>
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="text"><xsl:value-of select="title"/></xsl:with-param>
      </xsl:call-template>
      <xsl:for-each select="*">
        <xsl:choose>
          <xsl:when test="self::title or self::source"/>
          <xsl:when test="self::ul">
            <ul><xsl:for-each select="li"><li><xsl:value-of select="."/></li></xsl:for-each></ul>
          </xsl:when>
          <xsl:otherwise><p><xsl:value-of select="."/></p></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <xsl:call-template name="ref-marks"/>
    </div>
  </xsl:template>

  <!-- a block's sources as numbers into the reference list at the end: "Sources: [1] [4]" -->
  <xsl:template name="ref-marks">
    <xsl:if test="source">
      <p class="mcrc-cite">
        <span class="mcrc-cite-label">
          <xsl:choose>
            <xsl:when test="count(source) &gt; 1"><xsl:call-template name="t"><xsl:with-param name="k" select="'sources'"/></xsl:call-template></xsl:when>
            <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'source'"/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
          <xsl:text>:</xsl:text>
        </span>
        <xsl:for-each select="source">
          <xsl:text> </xsl:text>
          <span class="mcrc-ref" data-ref="{@id}">[<xsl:call-template name="ref-number"/>]</span>
        </xsl:for-each>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- the number of a source (the current node) in the reference list: its place among the first
       occurrences of each source id, in document order -->
  <xsl:template name="ref-number">
    <xsl:variable name="first" select="key('src', @id)[1]"/>
    <xsl:value-of select="count($first/preceding::source[parent::block][generate-id() = generate-id(key('src', @id)[1])]) + 1"/>
  </xsl:template>

  <!-- ================================================================================ the bottom line, first -->
  <!-- what was found, gene by gene, in words; the whole result's meaning for treatment (bottom-line blocks);
       next steps and questions chosen by the result -->
  <xsl:template name="bottom-line">
    <xsl:param name="shift"/>
    <xsl:variable name="in" select="interpretation/block[@audience='patient']"/>
    <section class="mcrc-bottom" aria-labelledby="mcrc-h-bottom">
      <xsl:call-template name="heading">
        <xsl:with-param name="level" select="2"/><xsl:with-param name="shift" select="$shift"/><xsl:with-param name="id" select="'mcrc-h-bottom'"/>
        <xsl:with-param name="text"><xsl:call-template name="t"><xsl:with-param name="k" select="'h.bottom'"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="heading">
        <xsl:with-param name="level" select="3"/><xsl:with-param name="shift" select="$shift"/>
        <xsl:with-param name="text"><xsl:call-template name="t"><xsl:with-param name="k" select="'bottom.found'"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <ul class="mcrc-findings">
        <xsl:for-each select="biomarker">
          <li data-gene="{@gene}" data-status="{@status}">
            <strong><xsl:call-template name="t"><xsl:with-param name="k" select="concat('find.gene.', @gene)"/><xsl:with-param name="default" select="@gene"/></xsl:call-template>:</strong>
            <xsl:text> </xsl:text>
            <xsl:call-template name="finding"/>
            <xsl:text>.</xsl:text>
          </li>
        </xsl:for-each>
      </ul>
      <xsl:if test="$in[@section='bottom-line']">
        <xsl:call-template name="heading">
          <xsl:with-param name="level" select="3"/><xsl:with-param name="shift" select="$shift"/>
          <xsl:with-param name="text"><xsl:call-template name="t"><xsl:with-param name="k" select="'bottom.means'"/></xsl:call-template></xsl:with-param>
        </xsl:call-template>
        <xsl:for-each select="$in[@section='bottom-line']">
          <div class="mcrc-bl" data-block="{@id}">
            <p><strong><xsl:value-of select="title"/>.</strong><xsl:text> </xsl:text><xsl:for-each select="p"><xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if><xsl:value-of select="."/></xsl:for-each></p>
          </div>
        </xsl:for-each>
      </xsl:if>
      <xsl:if test="$in[@section='next-steps']">
        <xsl:call-template name="heading">
          <xsl:with-param name="level" select="3"/><xsl:with-param name="shift" select="$shift"/>
          <xsl:with-param name="text"><xsl:call-template name="t"><xsl:with-param name="k" select="'bottom.next'"/></xsl:call-template></xsl:with-param>
        </xsl:call-template>
        <ul class="mcrc-next">
          <xsl:for-each select="$in[@section='next-steps']">
            <li data-block="{@id}"><strong><xsl:value-of select="title"/>.</strong><xsl:text> </xsl:text><xsl:for-each select="p | ul/li"><xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if><xsl:value-of select="."/></xsl:for-each></li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <xsl:if test="$in[@section='questions']">
        <xsl:call-template name="heading">
          <xsl:with-param name="level" select="3"/><xsl:with-param name="shift" select="$shift"/>
          <xsl:with-param name="text"><xsl:call-template name="t"><xsl:with-param name="k" select="'bottom.questions'"/></xsl:call-template></xsl:with-param>
        </xsl:call-template>
        <ul class="mcrc-questions">
          <xsl:for-each select="$in[@section='questions']">
            <xsl:variable name="qid" select="@id"/>
            <xsl:for-each select="p | ul/li"><li data-block="{$qid}"><xsl:value-of select="."/></li></xsl:for-each>
          </xsl:for-each>
        </ul>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- one biomarker's finding in words: "extra copies found, about 12 copies", "change G12C found" -->
  <xsl:template name="finding">
    <xsl:choose>
      <xsl:when test="@gene = 'ERBB2'">
        <xsl:call-template name="t"><xsl:with-param name="k" select="concat('find.ERBB2.', @status)"/><xsl:with-param name="default" select="@status"/></xsl:call-template>
        <xsl:if test="@status = 'amplified' and string(number(copy-number/@max)) != 'NaN'">
          <xsl:text>, </xsl:text>
          <xsl:call-template name="fill">
            <xsl:with-param name="k" select="'find.copies'"/>
            <xsl:with-param name="v" select="round(number(copy-number/@max))"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:when>
      <xsl:when test="@status = 'mutant' and variant[@used = 'true'][starts-with(@protein, 'p.')]">
        <xsl:variable name="names">
          <xsl:for-each select="variant[@used = 'true'][starts-with(@protein, 'p.')]">
            <xsl:if test="position() &gt; 1">, </xsl:if>
            <xsl:value-of select="substring-after(@protein, 'p.')"/>
          </xsl:for-each>
        </xsl:variable>
        <xsl:call-template name="fill"><xsl:with-param name="k" select="'find.mutant'"/><xsl:with-param name="v" select="string($names)"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="@status = 'mutant'"><xsl:call-template name="t"><xsl:with-param name="k" select="'find.mutant-unnamed'"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="concat('find.', @status)"/><xsl:with-param name="default" select="@status"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a label with one % filled in by $v (as text, escaped on output) -->
  <xsl:template name="fill">
    <xsl:param name="k"/>
    <xsl:param name="v"/>
    <xsl:variable name="pat"><xsl:call-template name="t"><xsl:with-param name="k" select="$k"/></xsl:call-template></xsl:variable>
    <xsl:value-of select="substring-before($pat, '%')"/>
    <xsl:value-of select="$v"/>
    <xsl:value-of select="substring-after($pat, '%')"/>
  </xsl:template>

  <!-- ================================================================================ support, after the limits -->
  <xsl:template name="support">
    <xsl:param name="shift"/>
    <xsl:if test="interpretation/block[@audience='patient'][@section='support']">
      <section class="mcrc-kb mcrc-kb-support" aria-labelledby="mcrc-h-support" data-section="support">
        <xsl:call-template name="heading">
          <xsl:with-param name="level" select="2"/><xsl:with-param name="shift" select="$shift"/><xsl:with-param name="id" select="'mcrc-h-support'"/>
          <xsl:with-param name="text"><xsl:call-template name="t"><xsl:with-param name="k" select="'group.support'"/></xsl:call-template></xsl:with-param>
        </xsl:call-template>
        <xsl:apply-templates select="interpretation/block[@audience='patient'][@section='support']">
          <xsl:with-param name="level" select="3 + $shift"/>
        </xsl:apply-templates>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================================ references, numbered, at the end -->
  <xsl:template name="references">
    <xsl:param name="shift"/>
    <xsl:variable name="uniq" select="interpretation/block/source[generate-id() = generate-id(key('src', @id)[1])]"/>
    <xsl:if test="$uniq">
      <section class="mcrc-refs" aria-labelledby="mcrc-h-refs">
        <xsl:call-template name="heading">
          <xsl:with-param name="level" select="2"/><xsl:with-param name="shift" select="$shift"/><xsl:with-param name="id" select="'mcrc-h-refs'"/>
          <xsl:with-param name="text"><xsl:call-template name="t"><xsl:with-param name="k" select="'h.refs'"/></xsl:call-template></xsl:with-param>
        </xsl:call-template>
        <p class="mcrc-note"><xsl:call-template name="t"><xsl:with-param name="k" select="'refs.intro'"/></xsl:call-template></p>
        <ol class="mcrc-reflist">
          <xsl:for-each select="$uniq">
            <li data-ref="{@id}">
              <!-- the citations are in English, whatever the page's language -->
              <cite lang="en"><xsl:value-of select="."/></cite>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================================ clinician section -->
  <xsl:template name="clinician">
    <xsl:param name="shift"/>
    <section class="mcrc-clinician" aria-labelledby="mcrc-h-clinician">
      <xsl:call-template name="heading">
        <xsl:with-param name="level" select="2"/><xsl:with-param name="shift" select="$shift"/><xsl:with-param name="id" select="'mcrc-h-clinician'"/>
        <xsl:with-param name="text"><xsl:call-template name="t"><xsl:with-param name="k" select="'h.clinician'"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="'clinician.intro'"/></xsl:call-template></p>
      <xsl:if test="interpretation/block[@audience='clinician']">
        <div class="mcrc-clin-summary">
          <xsl:call-template name="heading">
            <xsl:with-param name="level" select="3"/><xsl:with-param name="shift" select="$shift"/>
            <xsl:with-param name="text"><xsl:call-template name="t"><xsl:with-param name="k" select="'h.clin-summary'"/></xsl:call-template></xsl:with-param>
          </xsl:call-template>
          <xsl:for-each select="interpretation/block[@audience='clinician']">
            <div class="mcrc-block" data-block="{@id}">
              <xsl:for-each select="p | ul/li"><p><xsl:value-of select="."/></p></xsl:for-each>
              <xsl:call-template name="ref-marks"/>
            </div>
          </xsl:for-each>
        </div>
      </xsl:if>
      <xsl:apply-templates select="biomarker" mode="clinician">
        <xsl:with-param name="shift" select="$shift"/>
      </xsl:apply-templates>
      <xsl:apply-templates select="provenance">
        <xsl:with-param name="shift" select="$shift"/>
      </xsl:apply-templates>
    </section>
  </xsl:template>

  <!-- a biomarker, generically: attributes and single-value elements as details, every other element kind as a table -->
  <xsl:template match="biomarker" mode="clinician">
    <xsl:param name="shift"/>
    <xsl:variable name="b" select="."/>
    <xsl:variable name="bid" select="concat('mcrc-', translate(@gene, ' ', '-'))"/>
    <div class="mcrc-biomarker" data-gene="{@gene}">
      <xsl:call-template name="heading">
        <xsl:with-param name="level" select="3"/><xsl:with-param name="shift" select="$shift"/><xsl:with-param name="id" select="$bid"/>
        <xsl:with-param name="text">
          <xsl:call-template name="gene-label"/>
          <xsl:text>: </xsl:text>
          <xsl:call-template name="t"><xsl:with-param name="k" select="concat('alteration.', @alteration)"/><xsl:with-param name="default" select="@alteration"/></xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <p class="mcrc-clin-status">
        <xsl:call-template name="status-badge"/>
        <xsl:text> </xsl:text>
        <code lang="en"><xsl:value-of select="@status"/></code>
      </p>
      <!-- text-only children (reason, and any later ones) as labelled paragraphs -->
      <xsl:for-each select="*[not(@*) and not(*)]">
        <p class="mcrc-text-{name()}">
          <strong><xsl:call-template name="t"><xsl:with-param name="k" select="name()"/><xsl:with-param name="default" select="name()"/></xsl:call-template>: </strong>
          <span lang="en"><xsl:value-of select="."/></span>
        </p>
      </xsl:for-each>
      <!-- details: the biomarker's own attributes (but gene, status, alteration) and the "detail" kinds -->
      <xsl:variable name="detail-els" select="*[(@* or *) and contains($L, concat('&#10;en|kind.', name(), '|detail&#10;'))]"/>
      <xsl:if test="@*[not(name()='gene' or name()='status' or name()='alteration')] or $detail-els">
        <table class="mcrc-kv">
          <caption><xsl:call-template name="t"><xsl:with-param name="k" select="'h.details'"/></xsl:call-template></caption>
          <tbody>
            <xsl:for-each select="@*[not(name()='gene' or name()='status' or name()='alteration')]">
              <tr>
                <th scope="row"><xsl:call-template name="attr-label"/></th>
                <td><xsl:call-template name="attr-value"/></td>
              </tr>
            </xsl:for-each>
            <xsl:for-each select="$detail-els">
              <tr data-element="{name()}">
                <th scope="row"><xsl:call-template name="el-label"/></th>
                <td><xsl:call-template name="kv-list"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:if>
      <!-- tables: each other kind of element (evidence, variant, ...), columns from the attributes present -->
      <xsl:for-each select="*[(@* or *) and not(contains($L, concat('&#10;en|kind.', name(), '|detail&#10;')))]
                             [generate-id() = generate-id(key('bm-group', concat(generate-id($b), '|', name()))[1])]">
        <xsl:call-template name="element-table">
          <xsl:with-param name="b" select="$b"/>
          <xsl:with-param name="name" select="name()"/>
          <xsl:with-param name="id" select="concat($bid, '-', name())"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:if test="@alteration = 'amplification' and not(evidence) and @status != 'not-assessed'">
        <p class="mcrc-none"><xsl:call-template name="t"><xsl:with-param name="k" select="'no-evidence'"/></xsl:call-template></p>
      </xsl:if>
    </div>
  </xsl:template>

  <xsl:template name="element-table">
    <xsl:param name="b"/>
    <xsl:param name="name"/>
    <xsl:param name="id"/>
    <xsl:variable name="rows" select="$b/*[name() = $name]"/>
    <xsl:variable name="cols" select="$rows/@*[generate-id() = generate-id(key('bm-col', concat(generate-id($b), '|', $name, '|', name()))[1])]"/>
    <xsl:variable name="subs" select="$rows/*[generate-id() = generate-id(key('bm-sub', concat(generate-id($b), '|', $name, '|', name()))[1])]"/>
    <xsl:variable name="has-text" select="$rows[normalize-space(text())]"/>
    <!-- chrom, pos and end make one "record" column: chrom:pos-end -->
    <xsl:variable name="loc" select="boolean($rows/@chrom and $rows/@pos)"/>
    <xsl:variable name="split" select="count($cols) &gt; $max-columns"/>
    <xsl:variable name="shown" select="$cols[not($split) or contains($primary-columns, concat(' ', name(), ' '))]"/>
    <div class="mcrc-scroll" role="region" tabindex="0" aria-labelledby="{$id}">
      <table class="mcrc-records" data-element="{$name}">
        <caption id="{$id}">
          <xsl:call-template name="el-label"><xsl:with-param name="name" select="$name"/></xsl:call-template>
          <xsl:text> (</xsl:text><xsl:value-of select="count($rows)"/><xsl:text> </xsl:text>
          <xsl:choose>
            <xsl:when test="count($rows) = 1"><xsl:call-template name="t"><xsl:with-param name="k" select="'record'"/></xsl:call-template></xsl:when>
            <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'records'"/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
          <xsl:if test="$rows[@used = 'false']">
            <xsl:text>; </xsl:text>
            <xsl:call-template name="t"><xsl:with-param name="k" select="'set-aside.count'"/></xsl:call-template>
            <xsl:text>: </xsl:text>
            <xsl:value-of select="count($rows[@used = 'false'])"/>
          </xsl:if>
          <xsl:text>)</xsl:text>
        </caption>
        <thead>
          <tr>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'row'"/></xsl:call-template></th>
            <xsl:for-each select="$shown">
              <xsl:choose>
                <xsl:when test="$loc and name() = 'chrom'">
                  <th scope="col" data-attr="record"><xsl:call-template name="t"><xsl:with-param name="k" select="'attr.record'"/></xsl:call-template></th>
                </xsl:when>
                <xsl:when test="$loc and (name() = 'pos' or name() = 'end')"/>
                <xsl:otherwise><th scope="col" data-attr="{name()}"><xsl:call-template name="attr-label"/></th></xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
            <xsl:for-each select="$subs">
              <th scope="col" data-attr="{name()}"><xsl:call-template name="el-label"/></th>
            </xsl:for-each>
            <xsl:if test="$has-text">
              <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'attr.value'"/></xsl:call-template></th>
            </xsl:if>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$rows">
            <xsl:variable name="row" select="."/>
            <xsl:variable name="row-others" select="@*[$split and not(contains($primary-columns, concat(' ', name(), ' ')))]"/>
            <tr>
              <xsl:if test="@used = 'false'"><xsl:attribute name="class">mcrc-set-aside</xsl:attribute></xsl:if>
              <th scope="row">
                <xsl:if test="$row-others"><xsl:attribute name="rowspan">2</xsl:attribute></xsl:if>
                <xsl:value-of select="position()"/>
              </th>
              <xsl:for-each select="$shown">
                <xsl:variable name="cn" select="name()"/>
                <xsl:choose>
                  <xsl:when test="$loc and $cn = 'chrom'">
                    <td data-attr="record" class="mcrc-data">
                      <xsl:value-of select="$row/@chrom"/>
                      <xsl:if test="$row/@pos"><xsl:text>:</xsl:text><xsl:value-of select="$row/@pos"/></xsl:if>
                      <xsl:if test="$row/@end and string($row/@end) != string($row/@pos)"><xsl:text>-</xsl:text><xsl:value-of select="$row/@end"/></xsl:if>
                    </td>
                  </xsl:when>
                  <xsl:when test="$loc and ($cn = 'pos' or $cn = 'end')"/>
                  <xsl:otherwise>
                    <td data-attr="{$cn}">
                      <xsl:for-each select="$row/@*[name() = $cn]"><xsl:call-template name="attr-value"/></xsl:for-each>
                    </td>
                  </xsl:otherwise>
                </xsl:choose>
              </xsl:for-each>
              <xsl:for-each select="$subs">
                <xsl:variable name="sn" select="name()"/>
                <td data-attr="{$sn}">
                  <xsl:for-each select="$row/*[name() = $sn]">
                    <div><xsl:call-template name="kv-list"/></div>
                  </xsl:for-each>
                </td>
              </xsl:for-each>
              <xsl:if test="$has-text">
                <td><xsl:value-of select="normalize-space(text())"/></td>
              </xsl:if>
            </tr>
            <!-- the attributes without a column of their own, on a second line across the table -->
            <xsl:if test="$row-others">
              <tr class="mcrc-more{substring(' mcrc-set-aside', 1, 16 * (@used = 'false'))}">
                <td data-attr="other" colspan="{count($shown[not($loc and (name() = 'pos' or name() = 'end'))]) + count($subs) + count($has-text[1])}">
                  <dl class="mcrc-dl">
                    <xsl:for-each select="$row-others">
                      <div>
                        <dt><xsl:call-template name="attr-label"/></dt>
                        <dd><xsl:call-template name="attr-value"/></dd>
                      </div>
                    </xsl:for-each>
                  </dl>
                </td>
              </tr>
            </xsl:if>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
    <!-- the files the table's "input" numbers name (the provenance has the rest about them) -->
    <xsl:if test="$rows/@input">
      <p class="mcrc-note mcrc-files">
        <xsl:call-template name="t"><xsl:with-param name="k" select="'files'"/></xsl:call-template>
        <xsl:text>: </xsl:text>
        <xsl:for-each select="/mcrc-report/provenance/input[@id = $rows/@input]">
          <xsl:if test="position() &gt; 1">; </xsl:if>
          <xsl:value-of select="@id"/><xsl:text> = </xsl:text><span class="mcrc-data"><xsl:value-of select="@path"/></span>
        </xsl:for-each>
      </p>
    </xsl:if>
    <xsl:if test="$rows[@used = 'false']">
      <p class="mcrc-note"><xsl:call-template name="t"><xsl:with-param name="k" select="'set-aside.note'"/></xsl:call-template></p>
    </xsl:if>
  </xsl:template>

  <!-- the label of an element name, of an attribute name, and an attribute's value in words -->
  <xsl:template name="el-label">
    <xsl:param name="name" select="name()"/>
    <xsl:call-template name="t"><xsl:with-param name="k" select="concat('el.', $name)"/><xsl:with-param name="default" select="$name"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="attr-label">
    <xsl:call-template name="t"><xsl:with-param name="k" select="concat('attr.', name())"/><xsl:with-param name="default" select="name()"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="attr-value">
    <xsl:variable name="key" select="concat('val.', name(), '.', .)"/>
    <xsl:choose>
      <xsl:when test="contains($L, concat('&#10;en|', $key, '|'))">
        <xsl:call-template name="t"><xsl:with-param name="k" select="$key"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><span class="mcrc-data"><xsl:value-of select="."/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- an element's attributes (and text, and sub-elements) as a small definition list -->
  <xsl:template name="kv-list">
    <dl class="mcrc-dl">
      <xsl:for-each select="@*">
        <div>
          <dt><xsl:call-template name="attr-label"/></dt>
          <dd><xsl:call-template name="attr-value"/></dd>
        </div>
      </xsl:for-each>
      <xsl:if test="normalize-space(text())">
        <div class="mcrc-dl-text"><dd class="mcrc-data"><xsl:value-of select="normalize-space(text())"/></dd></div>
      </xsl:if>
      <xsl:for-each select="*">
        <div>
          <dt><xsl:call-template name="el-label"/></dt>
          <dd><xsl:call-template name="kv-list"/></dd>
        </div>
      </xsl:for-each>
    </dl>
  </xsl:template>

  <!-- provenance, generically: one row per element -->
  <xsl:template match="provenance">
    <xsl:param name="shift"/>
    <div class="mcrc-provenance">
      <xsl:call-template name="heading">
        <xsl:with-param name="level" select="3"/><xsl:with-param name="shift" select="$shift"/><xsl:with-param name="id" select="'mcrc-h-provenance'"/>
        <xsl:with-param name="text"><xsl:call-template name="t"><xsl:with-param name="k" select="'h.provenance'"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <table class="mcrc-kv" aria-labelledby="mcrc-h-provenance">
        <tbody>
          <xsl:for-each select="*">
            <tr data-element="{name()}">
              <th scope="row">
                <xsl:call-template name="el-label"/>
                <xsl:if test="self::input and @id"><xsl:text> </xsl:text><xsl:value-of select="@id"/></xsl:if>
              </th>
              <td>
                <xsl:choose>
                  <xsl:when test="not(@*) and not(*)"><span class="mcrc-data"><xsl:value-of select="."/></span></xsl:when>
                  <xsl:otherwise><xsl:call-template name="kv-list"/></xsl:otherwise>
                </xsl:choose>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <!-- ================================================================================ limits -->
  <xsl:template name="limits">
    <xsl:param name="shift"/>
    <section class="mcrc-limits" aria-labelledby="mcrc-h-limits">
      <xsl:call-template name="heading">
        <xsl:with-param name="level" select="2"/><xsl:with-param name="shift" select="$shift"/><xsl:with-param name="id" select="'mcrc-h-limits'"/>
        <xsl:with-param name="text"><xsl:call-template name="t"><xsl:with-param name="k" select="'h.limits'"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="heading">
        <xsl:with-param name="level" select="3"/><xsl:with-param name="shift" select="$shift"/>
        <xsl:with-param name="text"><xsl:call-template name="t"><xsl:with-param name="k" select="'limits.looked'"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <ul class="mcrc-looked">
        <xsl:for-each select="biomarker[@status != 'not-assessed']">
          <li>
            <xsl:call-template name="gene-label"/><xsl:text>: </xsl:text>
            <xsl:call-template name="t"><xsl:with-param name="k" select="concat('alteration.', @alteration)"/><xsl:with-param name="default" select="@alteration"/></xsl:call-template>
            <xsl:text>, </xsl:text>
            <xsl:call-template name="t"><xsl:with-param name="k" select="'limits.from-files'"/></xsl:call-template>
            <xsl:text>.</xsl:text>
          </li>
        </xsl:for-each>
        <li><xsl:call-template name="t"><xsl:with-param name="k" select="'limits.software'"/></xsl:call-template></li>
      </ul>
      <xsl:call-template name="heading">
        <xsl:with-param name="level" select="3"/><xsl:with-param name="shift" select="$shift"/>
        <xsl:with-param name="text"><xsl:call-template name="t"><xsl:with-param name="k" select="'limits.not-looked'"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <ul class="mcrc-not-looked">
        <xsl:for-each select="biomarker[@status = 'not-assessed']">
          <li>
            <xsl:call-template name="gene-label"/><xsl:text>: </xsl:text>
            <xsl:call-template name="t"><xsl:with-param name="k" select="concat('alteration.', @alteration)"/><xsl:with-param name="default" select="@alteration"/></xsl:call-template>
            <xsl:text> – </xsl:text>
            <xsl:call-template name="t"><xsl:with-param name="k" select="'limits.not-checked'"/></xsl:call-template>
            <xsl:text>.</xsl:text>
          </li>
        </xsl:for-each>
        <li><xsl:call-template name="t"><xsl:with-param name="k" select="'limits.nmd'"/></xsl:call-template></li>
        <li><xsl:call-template name="t"><xsl:with-param name="k" select="'limits.other-genes'"/></xsl:call-template></li>
        <li><xsl:call-template name="t"><xsl:with-param name="k" select="'limits.ihc'"/></xsl:call-template></li>
        <li><xsl:call-template name="t"><xsl:with-param name="k" select="'limits.msi'"/></xsl:call-template></li>
        <li><xsl:call-template name="t"><xsl:with-param name="k" select="'limits.inherited'"/></xsl:call-template></li>
      </ul>
      <xsl:apply-templates select="interpretation/block[@audience='patient'][@section = 'limits']">
        <xsl:with-param name="level" select="3 + $shift"/>
      </xsl:apply-templates>
      <p class="mcrc-care"><strong><xsl:call-template name="t"><xsl:with-param name="k" select="'limits.care'"/></xsl:call-template></strong></p>
    </section>
  </xsl:template>

  <!-- ================================================================================ style -->
  <!-- page-level rules: only in a whole page, never in a fragment (they would restyle the host page) -->
  <xsl:template name="page-css">
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#fff;color:#1a1a1a}
@page{margin:16mm 14mm 16mm;@bottom-right{content:"<xsl:call-template name="css-text"><xsl:with-param name="s"><xsl:call-template name="t"><xsl:with-param name="k" select="'print.page'"/></xsl:call-template></xsl:with-param></xsl:call-template> " counter(page) " <xsl:call-template name="css-text"><xsl:with-param name="s"><xsl:call-template name="t"><xsl:with-param name="k" select="'print.of'"/></xsl:call-template></xsl:with-param></xsl:call-template> " counter(pages);font:9pt "DejaVu Sans",Verdana,Arial,sans-serif;color:#3d4a5c}@bottom-left{content:"<xsl:call-template name="css-text"><xsl:with-param name="s"><xsl:call-template name="t"><xsl:with-param name="k" select="'sample'"/></xsl:call-template>: <xsl:call-template name="sample-names"/></xsl:with-param></xsl:call-template>";font:9pt "DejaVu Sans",Verdana,Arial,sans-serif;color:#3d4a5c}<xsl:if test="interpretation/block/@reviewed">@bottom-center{content:"<xsl:call-template name="css-text"><xsl:with-param name="s"><xsl:call-template name="t"><xsl:with-param name="k" select="'print.checked'"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="interpretation/block[1]/@reviewed"/></xsl:with-param></xsl:call-template>";font:9pt "DejaVu Sans",Verdana,Arial,sans-serif;color:#3d4a5c}</xsl:if>}
</xsl:template>

  <!-- text made safe inside a CSS string in a style element (which HTML output does not escape): the characters
       that could end the string, the rule or the element are dropped, and it is cut to 80 characters -->
  <xsl:template name="css-text">
    <xsl:param name="s"/>
    <xsl:value-of select="substring(translate(normalize-space($s), concat('&quot;', &quot;&apos;\&lt;&gt;&amp;{}@;&quot;), ''), 1, 80)"/>
  </xsl:template>

  <!-- everything else is scoped to .mcrc, so a fragment does not leak into the page it is put in -->
  <xsl:template name="css">
.mcrc{box-sizing:border-box;max-width:66rem;margin:0 auto;padding:1.25rem 1rem 2rem;font-family:"DejaVu Sans",Verdana,"Segoe UI",Arial,sans-serif;font-size:1rem;line-height:1.5;color:#1a1a1a;background:#fff;overflow-wrap:break-word}
.mcrc *,.mcrc *::before,.mcrc *::after{box-sizing:inherit}
.mcrc h1,.mcrc h2,.mcrc h3,.mcrc h4,.mcrc h5,.mcrc h6{line-height:1.25;margin:1.6em 0 .5em;color:#10243e}
.mcrc h1{font-size:1.75rem;margin-top:.2em}
.mcrc .mcrc-fragment h2#mcrc-title,.mcrc-fragment #mcrc-title{font-size:1.6rem;margin-top:.2em}
.mcrc section > h2,.mcrc section > h3:first-child{font-size:1.35rem;border-bottom:2px solid #10243e;padding-bottom:.2em}
.mcrc .mcrc-block > h3,.mcrc .mcrc-block > h4,.mcrc .mcrc-biomarker > h3,.mcrc .mcrc-biomarker > h4,.mcrc .mcrc-provenance > h3,.mcrc .mcrc-provenance > h4,.mcrc .mcrc-limits h3,.mcrc .mcrc-limits h4{font-size:1.1rem;margin-top:1.2em}
.mcrc p,.mcrc ul{margin:.4em 0 .7em}
.mcrc p,.mcrc ul,.mcrc .mcrc-glance-table,.mcrc .mcrc-kv,.mcrc .mcrc-cite{max-width:50rem}
.mcrc ul{padding-left:1.4em}
.mcrc code{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.9em;background:#f1f3f5;padding:0 .25em;border-radius:3px}
.mcrc .mcrc-sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.mcrc .mcrc-head{border-bottom:3px solid #10243e;padding-bottom:.6rem;margin-bottom:1rem}
.mcrc .mcrc-kicker{margin:0;color:#3d4a5c;font-size:.95rem}
.mcrc .mcrc-meta{display:flex;flex-wrap:wrap;gap:.25rem 2rem;margin:.4rem 0 0}
.mcrc .mcrc-meta div{display:flex;gap:.4rem}
.mcrc .mcrc-meta dt{font-weight:bold}
.mcrc .mcrc-meta dt::after{content:":"}
.mcrc .mcrc-meta dd{margin:0}
.mcrc .mcrc-data{overflow-wrap:anywhere;word-break:break-word}
.mcrc table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
.mcrc caption{text-align:left;font-weight:bold;padding:.3rem 0;color:#10243e}
.mcrc th,.mcrc td{border:1px solid #767676;padding:.4rem .5rem;text-align:left;vertical-align:top}
.mcrc thead th{background:#e8edf3}
.mcrc .mcrc-glance-table{font-size:1.05rem}
.mcrc .mcrc-glance-table tbody th{width:40%}
.mcrc .mcrc-gene{display:block;white-space:nowrap}
.mcrc .mcrc-tested{display:block;font-weight:normal;font-size:.9rem;color:#3d4a5c}
.mcrc .mcrc-badge{display:inline-block;padding:.1em .5em;border:2px solid #333;border-radius:.35em;background:#f4f4f4;color:#1a1a1a;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.mcrc .mcrc-marker{display:inline-block;min-width:1.2em;text-align:center;font-weight:bold;font-size:1.1em}
.mcrc .mcrc-status-note{font-weight:normal}
.mcrc .mcrc-s-amplified,.mcrc .mcrc-s-mutant{background:#dce8f8;border-color:#0b3d91;border-width:3px}
.mcrc .mcrc-s-amplified .mcrc-marker,.mcrc .mcrc-s-mutant .mcrc-marker{color:#0b3d91}
.mcrc .mcrc-s-equivocal{background:#fdf0d0;border-color:#7a4d00;border-style:dashed;border-width:3px}
.mcrc .mcrc-s-equivocal .mcrc-marker{color:#7a4d00}
.mcrc .mcrc-s-not-amplified,.mcrc .mcrc-s-wild-type{background:#eef1f4;border-color:#3d4a5c}
.mcrc .mcrc-s-no-mutation-detected{background:#eef1f4;border-color:#3d4a5c;border-style:dotted;border-width:3px}
.mcrc .mcrc-s-indeterminate{background:#f1e9f8;border-color:#5b2d8a;border-style:dotted;border-width:3px}
.mcrc .mcrc-s-indeterminate .mcrc-marker{color:#5b2d8a}
.mcrc .mcrc-s-not-assessed{background:#fff;border-color:#595959;border-style:double;border-width:4px}
.mcrc .mcrc-word{display:block;font-size:.85rem;color:#3d4a5c;margin-top:.2em}
.mcrc .mcrc-care{border-left:4px solid #10243e;padding:.3rem .7rem;background:#f3f6f9}
.mcrc .mcrc-block{margin:0 0 1rem}
.mcrc .mcrc-cite{font-size:.85rem;color:#3d4a5c;border-top:1px solid #c4c9d0;padding-top:.25rem;margin-top:.4rem}
.mcrc .mcrc-cite{display:flex;flex-wrap:wrap;gap:0 .4em}
.mcrc .mcrc-cite-label{font-weight:bold}
.mcrc .mcrc-cite ul{list-style:none;padding:0;margin:0;flex:1 1 16rem}
.mcrc .mcrc-cite cite{font-style:normal}
.mcrc .mcrc-clinician{margin-top:2rem}
.mcrc .mcrc-biomarker{margin:1rem 0 1.5rem}
.mcrc .mcrc-clin-status code{margin-left:.3em}
.mcrc .mcrc-scroll{overflow-x:auto;max-width:100%;margin:.5rem 0}
.mcrc .mcrc-scroll:focus{outline:3px solid #0b3d91;outline-offset:2px}
.mcrc .mcrc-records{font-size:.85rem;min-width:34rem}
.mcrc .mcrc-records td,.mcrc .mcrc-records th{padding:.2rem .25rem;overflow-wrap:break-word;hyphens:manual}
.mcrc .mcrc-records td{overflow-wrap:anywhere}
.mcrc .mcrc-records td:is([data-attr=record],[data-attr=id],[data-attr=ref],[data-attr=alt],[data-attr=filter],[data-attr=field],[data-attr=transcript],[data-attr=coding],[data-attr=protein]){overflow-wrap:break-word}
.mcrc .mcrc-records td[data-attr=note]{min-width:7em}
.mcrc .mcrc-records td[data-attr=vaf],.mcrc .mcrc-records td[data-attr=depth],.mcrc .mcrc-records td[data-attr=value],.mcrc .mcrc-records td[data-attr=copy-number],.mcrc .mcrc-records td[data-attr=copy-number-observed],.mcrc .mcrc-records td[data-attr=codon]{white-space:nowrap}
.mcrc .mcrc-records tr.mcrc-more td{border-top-style:dotted;font-size:.95em}
.mcrc .mcrc-records td[data-attr=record],.mcrc .mcrc-records td[data-attr=coding],.mcrc .mcrc-records td[data-attr=protein]{min-width:6.5em}
.mcrc .mcrc-records .mcrc-set-aside td,.mcrc .mcrc-records .mcrc-set-aside th{background:#f6f6f6;border-style:dashed}
.mcrc .mcrc-kv th{width:28%;background:#f3f6f9;font-weight:bold}
.mcrc .mcrc-kv td{overflow-wrap:anywhere}
.mcrc .mcrc-dl{margin:0;display:flex;flex-wrap:wrap;gap:.1rem 1.2rem}
.mcrc .mcrc-dl div{display:flex;gap:.3rem;min-width:0}
.mcrc .mcrc-dl dt{color:#3d4a5c;white-space:nowrap}
.mcrc .mcrc-dl dt::after{content:":"}
.mcrc .mcrc-dl dd{margin:0;overflow-wrap:anywhere;min-width:0}
.mcrc .mcrc-note,.mcrc .mcrc-none{font-size:.9rem;color:#3d4a5c}
.mcrc .mcrc-limits ul li{margin:.2em 0}
.mcrc .mcrc-foot{margin-top:2rem;border-top:1px solid #767676;padding-top:.4rem;font-size:.85rem;color:#3d4a5c}
.mcrc .mcrc-bottom{border:3px solid #10243e;border-radius:.4rem;padding:.4rem 1rem .6rem;margin:0 0 1.2rem;background:#f7f9fc}
.mcrc .mcrc-bottom > h2,.mcrc .mcrc-bottom > h3:first-child{margin-top:.3em}
.mcrc .mcrc-bottom h3,.mcrc .mcrc-bottom h4{font-size:1.05rem;margin:.8em 0 .3em}
.mcrc .mcrc-findings{list-style:none;padding-left:0}
.mcrc .mcrc-findings li{margin:.15em 0}
.mcrc .mcrc-bl p{margin:.3em 0}
.mcrc .mcrc-next li,.mcrc .mcrc-questions li{margin:.15em 0}
.mcrc .mcrc-reflist{font-size:.9rem;padding-left:2em}
.mcrc .mcrc-reflist cite{font-style:normal}
.mcrc .mcrc-ref{white-space:nowrap}
.mcrc .mcrc-reviewed{margin-top:0}
@media (max-width:30rem){.mcrc{padding:.75rem .5rem}.mcrc .mcrc-dl dt{white-space:normal}.mcrc .mcrc-dl div{flex-wrap:wrap}.mcrc .mcrc-kv th{width:auto}.mcrc .mcrc-gene{white-space:normal}.mcrc th,.mcrc td{padding:.3rem}}
@media print{
.mcrc{max-width:none;padding:0;font-size:10pt}
.mcrc h1{font-size:18pt}
.mcrc h2,.mcrc h3,.mcrc h4,.mcrc caption{break-after:avoid;page-break-after:avoid}
.mcrc tr,.mcrc .mcrc-badge,.mcrc .mcrc-cite,.mcrc .mcrc-care{break-inside:avoid;page-break-inside:avoid}
.mcrc .mcrc-glance,.mcrc .mcrc-bl,.mcrc .mcrc-next li{break-inside:avoid;page-break-inside:avoid}
.mcrc .mcrc-bottom{border-width:2px}
.mcrc .mcrc-foot{display:none}
.mcrc .mcrc-refs{margin-top:1rem}
.mcrc .mcrc-reflist{font-size:8.5pt}
.mcrc .mcrc-reflist li:last-child{break-after:avoid;page-break-after:avoid}
.mcrc .mcrc-clinician{break-before:page;page-break-before:always;margin-top:0}
.mcrc .mcrc-scroll{overflow:visible}
.mcrc .mcrc-records{min-width:0;font-size:7.5pt}
.mcrc thead{display:table-header-group}
}
</xsl:template>
</xsl:stylesheet>
