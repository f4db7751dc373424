# The screens the --screenshots walk does not reach, through a --drive script: the visits list,
# the visit editor, the join page with its QR code, the team page, editing a goal, a new
# self-sufficiency assessment; and the main screens with
# the tablet held upright (800x1280). Checks that every PNG was written and is not blank.
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})
file(WRITE ${OUT}/script.json "[
  {\"unlock\": \"1234\"}, {\"open\": \"first\"}, {\"call\": \"openVisits\"},
  {\"screenshot\": \"${OUT}/13-bezoeken.png\"}, {\"call\": \"openLatest\"},
  {\"screenshot\": \"${OUT}/14-bezoek.png\"}, {\"back\": true}, {\"back\": true}, {\"back\": true},
  {\"call\": \"join\"}, {\"screenshot\": \"${OUT}/15-koppelen.png\"}, {\"back\": true},
  {\"call\": \"team\"}, {\"screenshot\": \"${OUT}/16-team.png\"}, {\"back\": true},
  {\"open\": \"first\"}, {\"call\": \"openPlan\"}, {\"click\": \"editGoal\"},
  {\"opened\": \"editGoalPopup\"}, {\"screenshot\": \"${OUT}/17-doel-bewerken.png\"},
  {\"click\": \"cancelEdit\"}, {\"back\": true}, {\"call\": \"openSelfSufficiency\"},
  {\"click\": \"newAssessment\"}, {\"opened\": \"newAssessmentPopup\"},
  {\"screenshot\": \"${OUT}/18-nieuwe-meting.png\"}, {\"click\": \"cancelAssessment\"},
  {\"back\": true}, {\"back\": true},
  {\"resize\": [800, 1280]}, {\"screenshot\": \"${OUT}/p1-caseload.png\"},
  {\"open\": \"first\"}, {\"screenshot\": \"${OUT}/p2-dossier.png\"},
  {\"call\": \"openVisits\"}, {\"call\": \"openLatest\"}, {\"screenshot\": \"${OUT}/p3-bezoek.png\"},
  {\"back\": true}, {\"back\": true}, {\"call\": \"openDiary\"},
  {\"screenshot\": \"${OUT}/p4-dagboek.png\"}
]")
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen
          ${APP} --demo ${DEMO} --lang ${LANG} --drive ${OUT}/script.json
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "naast-app --drive failed: ${rc}\n${out}\n${err}")
endif()
foreach(screen 13-bezoeken 14-bezoek 15-koppelen 16-team 17-doel-bewerken 18-nieuwe-meting
               p1-caseload p2-dossier p3-bezoek p4-dagboek)
  if(NOT EXISTS ${OUT}/${screen}.png)
    message(FATAL_ERROR "no screenshot ${screen}.png")
  endif()
  file(SIZE ${OUT}/${screen}.png size)
  if(size LESS 15000)
    message(FATAL_ERROR "${screen}.png looks blank (${size} bytes)")
  endif()
endforeach()
