<?xml version="1.0" encoding="UTF-8"?>
<!-- report-html.xsl: the mcrc-report XML report as an HTML page (placeholder layout; see issue 5). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>
  <xsl:param name="fragment" select="'0'"/>
  <xsl:template match="/mcrc-report">
    <html lang="{@lang}">
      <head>
        <meta charset="utf-8"/>
        <title>mcrc-report</title>
      </head>
      <body>
        <h1>Tumour biomarker results</h1>
        <ul>
          <xsl:for-each select="biomarker">
            <li><xsl:value-of select="@gene"/>: <xsl:value-of select="@status"/></li>
          </xsl:for-each>
        </ul>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
